using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>Least-squares rotation + uniform scale + translation between two point sets (no reflection).</summary>
public static class SimilarityTransform
{
    /// <returns>The map taking each <paramref name="from"/> point as close as possible to its <paramref name="to"/> point.</returns>
    public static Matrix3x2 Fit(IReadOnlyList<Vector2> from, IReadOnlyList<Vector2> to)
    {
        if (from.Count != to.Count || from.Count < 2)
        {
            throw new ArgumentException("A similarity needs at least two matching point pairs.");
        }

        var fromMean = from.Aggregate(Vector2.Zero, (s, p) => s + p) / from.Count;
        var toMean = to.Aggregate(Vector2.Zero, (s, p) => s + p) / to.Count;
        double a = 0, b = 0, norm = 0;
        for (var i = 0; i < from.Count; i++)
        {
            var p = from[i] - fromMean;
            var q = to[i] - toMean;
            a += (p.X * q.X) + (p.Y * q.Y);
            b += (p.X * q.Y) - (p.Y * q.X);
            norm += (p.X * p.X) + (p.Y * p.Y);
        }

        if (norm < 1e-9)
        {
            throw new ArgumentException("The source points coincide.");
        }

        var c = (float)(a / norm);
        var s = (float)(b / norm);

        // Row-vector convention (System.Numerics): q = p·M, so M holds the transpose of [[c, -s], [s, c]].
        var rotationScale = new Matrix3x2(c, s, -s, c, 0, 0);
        var translation = toMean - Vector2.Transform(fromMean, rotationScale);
        return rotationScale * Matrix3x2.CreateTranslation(translation);
    }
}
