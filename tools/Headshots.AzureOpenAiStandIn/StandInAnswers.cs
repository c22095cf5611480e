using ImageMagick;

namespace Headshots.AzureOpenAiStandIn;

/// <summary>Images the stand-in answers with, made from what a call sent: real pixels of a real person, at the asked size.</summary>
public static class StandInAnswers
{
    /// <summary>
    /// <paramref name="photo"/> filling an image of <paramref name="size"/> (1024x1024, or 1024x1536 for any other), cut from
    /// the top; with <paramref name="relight"/>, warmer, a little brighter and other colours: a new light and setting, the same face.
    /// </summary>
    public static byte[] Filled(byte[] photo, string size, bool relight)
    {
        var (width, height) = size == "1024x1024" ? (1024u, 1024u) : (1024u, 1536u);
        using var image = new MagickImage(photo);
        image.AutoOrient();
        image.Resize(new MagickGeometry(width, height) { FillArea = true });
        image.Crop(width, height, Gravity.North);
        image.ResetPage();
        if (relight) image.Modulate(new Percentage(106), new Percentage(85), new Percentage(104));
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }
}
