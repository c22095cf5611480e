namespace Headshots.Engines.Faces;

/// <summary>
/// The person's reference identity: a robust mean of their photos' embeddings. Photos far from the median are
/// left out before averaging, so one friend's photo in the set cannot pull the reference towards the friend.
/// </summary>
public static class IdentityReference
{
    public static FaceEmbedding RobustMean(IReadOnlyList<FaceEmbedding> embeddings, double outlierDistance = FaceEmbedding.SamePersonThreshold)
    {
        if (embeddings.Count == 0)
        {
            throw new ArgumentException("A reference identity needs at least one embedding.", nameof(embeddings));
        }

        var size = embeddings[0].Vector.Length;
        var median = new float[size];
        for (var i = 0; i < size; i++)
        {
            var column = embeddings.Select(e => e.Vector[i]).Order().ToList();
            median[i] = column.Count % 2 == 1 ? column[column.Count / 2] : (column[(column.Count / 2) - 1] + column[column.Count / 2]) / 2;
        }

        var centre = new FaceEmbedding(median);
        var inliers = embeddings.Where(e => e.DistanceTo(centre) <= outlierDistance).ToList();
        if (inliers.Count == 0)
        {
            return centre;
        }

        var mean = new float[size];
        foreach (var embedding in inliers)
        {
            for (var i = 0; i < size; i++)
            {
                mean[i] += embedding.Vector[i] / inliers.Count;
            }
        }

        return new FaceEmbedding(mean);
    }
}
