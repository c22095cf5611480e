namespace Headshots.Models.Keras;

/// <summary>A Keras tensor inside the ONNX graph (always NCHW), with its channel count where the converter can know it.</summary>
/// <param name="UpsampledBy">
/// Greater than 1 when a nearest up-sampling was deferred into the one convolution that reads it
/// (<see cref="KerasSubpixelConv"/>): <see cref="Tensor"/> is then still the small tensor.
/// </param>
internal sealed record KerasValue(string Tensor, int? Channels, int UpsampledBy = 1);
