using System.Numerics;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Tests.Looks;

public sealed class FramedPortraitTests
{
    /// <summary>A 400 × 500 photo, its top-left corner past the frame: turned 12° it swings into view.</summary>
    static readonly PortraitFrame Turned = new(-40, -30, 320, 400, -12, new Vector2(200, 150));

    [Fact]
    public void Render_TurnedFrame_PutsEachPhotoPointWhereTheFrameMapsIt()
    {
        // A mid-grey photo with two small bright squares: they must land where the mesh points would be mapped.
        var pixels = Enumerable.Repeat((byte)90, 400 * 500 * 3).ToArray();
        Vector2[] spots = [new(121.5f, 301.5f), new(260.5f, 120.5f)];
        foreach (var spot in spots)
        {
            for (var y = (int)spot.Y - 2; y <= (int)spot.Y + 2; y++)
            {
                for (var x = (int)spot.X - 2; x <= (int)spot.X + 2; x++)
                {
                    pixels[((y * 400) + x) * 3] = pixels[(((y * 400) + x) * 3) + 1] = pixels[(((y * 400) + x) * 3) + 2] = 250;
                }
            }
        }

        var framed = FramedPortrait.Render(new RgbImage(400, 500, pixels), Turned, 320, 400);

        foreach (var spot in spots)
        {
            var expected = Turned.ToOutput(spot, 320);
            var found = BrightCentre(framed.Image, expected, 12);
            Assert.True(Vector2.Distance(expected, found) < 0.5f, $"the spot at {spot} landed at {found}, the frame maps it to {expected}");
        }
    }

    [Fact]
    public void Confine_TurnedFramePastThePhoto_ClearsThePersonOutsideItAndKeepsItInside()
    {
        var photo = new RgbImage(400, 500, Enumerable.Repeat((byte)128, 400 * 500 * 3).ToArray());
        var framed = FramedPortrait.Render(photo, Turned, 320, 400);

        var mask = framed.Confine(new PersonMask(320, 400, Enumerable.Repeat((byte)255, 320 * 400).ToArray()));

        var fade = 0.05f * 400;
        int outside = 0, inside = 0;
        for (var y = 0; y < 400; y++)
        {
            for (var x = 0; x < 320; x++)
            {
                // The pixel's centre in the photo, and how far (in output pixels) it is inside the nearest edge.
                var (px, py) = Turned.ToSource(Turned.Left + (x + 0.5), Turned.Top + (y + 0.5));
                var depth = Math.Min(Math.Min(px, 400 - px), Math.Min(py, 500 - py));
                if (depth < 0)
                {
                    outside++;
                    Assert.True(mask[x, y] == 0, $"person at ({x}, {y}), {-depth:0.0} px outside the photo");
                }
                else if (depth > fade + 1)
                {
                    inside++;
                    Assert.True(mask[x, y] == 255, $"person cleared at ({x}, {y}), {depth:0.0} px inside the photo");
                }
            }
        }

        Assert.True(outside > 1000 && inside > 50_000, $"the frame has {outside} pixels past the photo and {inside} well inside");
    }

    /// <summary>The brightness-weighted centre of the pixels brighter than the grey around a point, in pixel coordinates (centres at + ½).</summary>
    static Vector2 BrightCentre(RgbImage image, Vector2 near, int radius)
    {
        double sum = 0, sx = 0, sy = 0;
        for (var y = (int)near.Y - radius; y <= (int)near.Y + radius; y++)
        {
            for (var x = (int)near.X - radius; x <= (int)near.X + radius; x++)
            {
                var weight = Math.Max(0, image.Pixels[((y * image.Width) + x) * 3] - 120);
                sum += weight;
                sx += weight * (x + 0.5);
                sy += weight * (y + 0.5);
            }
        }

        return new Vector2((float)(sx / sum), (float)(sy / sum));
    }
}
