namespace Headshots.Models.Keras;

/// <summary>A Keras tensor inside the ONNX graph (always NCHW), with its channel count where the converter can know it.</summary>
internal sealed record KerasValue(string Tensor, int? Channels);
