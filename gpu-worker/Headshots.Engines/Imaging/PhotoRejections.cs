namespace Headshots.Engines.Imaging;

/// <summary>Every reason a file can be refused, worded for the person who uploaded it.</summary>
internal static class PhotoRejections
{
    const string UsePhoneTip = "Upload a JPEG, PNG, WebP or HEIC photo straight from your phone or camera.";

    public static PhotoRejectedException Empty() =>
        new("empty", "The file is empty (0 bytes).", "Upload the photo again; the transfer may have been interrupted.");

    public static PhotoRejectedException NotAnImage(string what) =>
        new("not-an-image", $"This file is not a photo (it looks like {what}).", UsePhoneTip);

    public static PhotoRejectedException Damaged(string format) =>
        new("damaged", $"This {format} file is damaged or incomplete and cannot be opened.", "Upload the original photo again from your phone or camera.");

    public static PhotoRejectedException Truncated(string format) =>
        new("truncated", $"This {format} file is cut off: its end is missing.", "Upload the photo again; the transfer may have been interrupted.");

    public static PhotoRejectedException TooManyBytes(long bytes, long limit) =>
        new("too-large", $"The file is {bytes / (1024 * 1024)} MB; the limit is {limit / (1024 * 1024)} MB.",
            "Upload the photo as it came from your phone or camera, not an uncompressed export.");

    public static PhotoRejectedException TooManyPixels(uint width, uint height) =>
        new("too-large", $"The photo says it is {width} × {height} pixels, far more than any camera makes.",
            "Upload the original photo from your phone or camera.");

    public static PhotoRejectedException TooSmall(uint width, uint height, int minShortEdge) =>
        new("too-small", $"The photo is only {width} × {height} pixels; at least {minShortEdge} pixels on the short side are needed.",
            "Upload the original photo, not a thumbnail or a screenshot.");

    public static PhotoRejectedException TookTooLong(TimeSpan limit) =>
        new("too-complex", $"Opening this file took longer than {limit.TotalSeconds:0} seconds.", UsePhoneTip);
}
