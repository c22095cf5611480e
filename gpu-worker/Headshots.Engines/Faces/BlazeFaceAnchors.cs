using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>
/// The 896 fixed-size SSD anchors BlazeFace was trained with: a 16×16 grid with 2 anchors per cell, then an
/// 8×8 grid with 6 per cell (MediaPipe's anchor generator with fixed_anchor_size; centres in 0–1 of the input).
/// Both the 128 front and the 256 back models use this layout.
/// </summary>
public static class BlazeFaceAnchors
{
    public const int FineCount = 16 * 16 * 2;
    public const int CoarseCount = 8 * 8 * 6;

    public static readonly Vector2[] Centres = Build();

    private static Vector2[] Build()
    {
        var anchors = new List<Vector2>(FineCount + CoarseCount);
        foreach (var (grid, perCell) in new[] { (16, 2), (8, 6) })
        {
            for (var y = 0; y < grid; y++)
            {
                for (var x = 0; x < grid; x++)
                {
                    for (var a = 0; a < perCell; a++)
                    {
                        anchors.Add(new Vector2((x + 0.5f) / grid, (y + 0.5f) / grid));
                    }
                }
            }
        }

        return [.. anchors];
    }
}
