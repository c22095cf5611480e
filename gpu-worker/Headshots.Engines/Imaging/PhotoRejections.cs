namespace Headshots.Engines.Imaging;

/// <summary>Every reason a file can be refused, worded for the person who uploaded it.</summary>
internal static class PhotoRejections
{
    const string UsePhotoTip = "Upload a JPEG, PNG, WebP or HEIC photo straight from your phone or camera.";
    const string UploadAgainTip = "Upload the photo again; the transfer may have been interrupted.";

    public static PhotoRejectedException Empty() =>
        new("empty_file", "The file is empty: it contains no photo at all.", UploadAgainTip);

    public static PhotoRejectedException NotAnImage(string what) =>
        new("unsupported_format", $"This file is not a photo (it looks like {what}).", UsePhotoTip);

    public static PhotoRejectedException UnsupportedFormat(string what) =>
        new("unsupported_format", $"This file is {what}, which we cannot use for headshots.",
            "Upload the original photo from your phone or camera (JPEG, PNG, WebP or HEIC), not a converted copy.");

    public static PhotoRejectedException Damaged(string format) =>
        new("corrupt", $"This {format} file is damaged and cannot be opened.", "Upload the original photo again from your phone or camera.");

    public static PhotoRejectedException Truncated(string format) =>
        new("corrupt", $"This {format} file is incomplete: its end is missing.", UploadAgainTip);

    public static PhotoRejectedException TooManyBytes(long bytes, long limit) =>
        new("too_large", $"The file is {Megabytes(bytes)}; the largest file we accept is {Megabytes(limit)}.",
            "Upload the photo as it came from your phone or camera, not an uncompressed export.");

    public static PhotoRejectedException TooManyPixels(uint width, uint height, PhotoLimits limits) =>
        new("too_many_pixels",
            $"The photo is {width} × {height} pixels, more than we can open safely (at most {limits.MaxPixels / 1e6:0.#} megapixels and {limits.MaxDimension} pixels on a side).",
            "Save a smaller copy, for example 4000 pixels on the long side, and upload that.");

    public static PhotoRejectedException TooSmall(uint width, uint height, int minShortEdge) =>
        new("too_small", $"The photo is only {width} × {height} pixels; a headshot needs at least {minShortEdge} pixels on the short side.",
            "Upload the original photo from your phone or camera, not a thumbnail, a screenshot or a copy from a chat app.");

    public static PhotoRejectedException TookTooLong(TimeSpan limit) =>
        new("too_complex", $"This file took longer than {limit.TotalSeconds:0.#} seconds to open, so we stopped.", UsePhotoTip);

    static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
