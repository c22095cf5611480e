namespace Headshots.Models.Tfjs;

/// <summary>
/// A converted tensor: its ONNX name and its static shape as far as it is known (-1 for a size known only at
/// run time; null when even the rank is unknown). Every value stays in TensorFlow's NHWC layout.
/// </summary>
internal sealed record TfjsValue(string Name, long[]? Shape)
{
    public int Rank => Shape?.Length ?? -1;

    public long Dim(int axis) => Shape is { } shape && axis < shape.Length ? shape[axis] : -1;

    public long[] RequireRank(int rank, TfjsNode node) =>
        Shape is { } shape && shape.Length == rank
            ? shape
            : throw new ModelConversionException($"{node} needs a rank-{rank} input; its input has shape {Describe(Shape)}.");

    public static string Describe(long[]? shape) => shape is null ? "of unknown rank" : $"[{string.Join(',', shape)}]";
}
