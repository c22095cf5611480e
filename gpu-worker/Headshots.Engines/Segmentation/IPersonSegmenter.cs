using Headshots.Engines.Imaging;

namespace Headshots.Engines.Segmentation;

/// <summary>Separates the person from the background.</summary>
public interface IPersonSegmenter
{
    PersonMask Segment(RgbImage image);
}
