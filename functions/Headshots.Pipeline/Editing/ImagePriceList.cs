using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Editing;

/// <summary>What one output image costs at each quality, by shape (gpt-image-1's list prices per image by default).</summary>
public sealed class ImagePriceList
{
    public ImageSizePrices Low { get; set; } = new() { Square = 0.011m, Portrait = 0.016m };

    public ImageSizePrices Medium { get; set; } = new() { Square = 0.042m, Portrait = 0.063m };

    public ImageSizePrices High { get; set; } = new() { Square = 0.167m, Portrait = 0.25m };

    /// <summary>The price of one image of <paramref name="size"/> ("1024x1024", "1024x1536", "1536x1024") at <paramref name="quality"/>.</summary>
    public decimal For(string quality, string size)
    {
        var prices = quality switch
        {
            "low" => Low,
            "medium" => Medium,
            "high" => High,
            _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "The quality must be low, medium or high."),
        };
        return size == ImageSizes.Square ? prices.Square : prices.Portrait;
    }
}

/// <summary>Square is 1024×1024; portrait and landscape (1024×1536, 1536×1024) cost the same.</summary>
public sealed class ImageSizePrices
{
    [Range(0, 100)]
    public decimal Square { get; set; }

    [Range(0, 100)]
    public decimal Portrait { get; set; }
}

/// <summary>The output sizes the image models take.</summary>
public static class ImageSizes
{
    public const string Square = "1024x1024";
    public const string Portrait = "1024x1536";
    public const string Landscape = "1536x1024";
}
