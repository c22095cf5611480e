namespace Headshots.Engines.Faces;

/// <summary>A 128-D dlib face descriptor. Euclidean distance below <see cref="SamePersonThreshold"/> = same person.</summary>
public sealed record FaceEmbedding(float[] Vector)
{
    /// <summary>dlib's published threshold (99.38 % on LFW).</summary>
    public const double SamePersonThreshold = 0.6;

    public double DistanceTo(FaceEmbedding other)
    {
        if (other.Vector.Length != Vector.Length)
        {
            throw new ArgumentException("Embeddings of different sizes cannot be compared.");
        }

        double sum = 0;
        for (var i = 0; i < Vector.Length; i++)
        {
            var d = Vector[i] - other.Vector[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
