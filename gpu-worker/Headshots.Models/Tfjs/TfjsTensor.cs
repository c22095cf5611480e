namespace Headshots.Models.Tfjs;

/// <summary>One weight from a TF.js weights manifest, dequantised: floats for float32, ints for int32.</summary>
public sealed record TfjsTensor(string Name, int[] Shape, float[]? Floats, int[]? Ints)
{
    public long Size => Shape.Aggregate(1L, (size, dim) => size * dim);

    public float[] RequireFloats() =>
        Floats ?? throw new ModelConversionException($"Weight '{Name}' is int32 where a float tensor was expected.");

    public int[] RequireInts() =>
        Ints ?? throw new ModelConversionException($"Weight '{Name}' is float where an int32 tensor was expected.");
}
