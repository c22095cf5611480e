namespace Headshots.Engines.Intake;

/// <summary>
/// The stable codes of the judge's verdicts, each with what a person reads: what was wrong and what to do.
/// (Codes for files that cannot be opened at all come from the normaliser: unsupported_format, corrupt,
/// too_large, too_many_pixels, too_small, empty_file, too_complex.)
/// </summary>
public static class IntakeReasons
{
    public const string NoFace = "no_face";
    public const string MultipleFaces = "multiple_faces";
    public const string FaceTooSmall = "face_too_small";
    public const string FaceCutOff = "face_cut_off";
    public const string NotFrontal = "not_frontal";
    public const string Blurry = "blurry";
    public const string Underexposed = "underexposed";
    public const string Overexposed = "overexposed";
    public const string Duplicate = "duplicate";
    public const string DifferentPerson = "different_person";

    private static readonly Dictionary<string, (string Reason, string Tip)> Texts = new(StringComparer.Ordinal)
    {
        [NoFace] = ("We could not find a face in this photo.", "Use a photo where your face is clearly visible and turned towards the camera."),
        [MultipleFaces] = ("There is more than one person in this photo.", "Use photos of just you; crop others out or take a new one."),
        [FaceTooSmall] = ("Your face is too small in this photo.", "Move closer or use a photo where your head and shoulders fill more of the frame."),
        [FaceCutOff] = ("Your face is cut off by the edge of this photo.", "Use a photo with your whole head in the frame and a little room around it."),
        [NotFrontal] = ("Your face is turned too far away from the camera.", "Use photos where you look roughly towards the camera; slight angles are fine."),
        [Blurry] = ("This photo is too blurry.", "Hold the phone steady, tap your face to focus, or use the back camera in good light."),
        [Underexposed] = ("Your face is too dark in this photo.", "Take it facing a window or another soft light source."),
        [Overexposed] = ("Your face is washed out by too much light in this photo.", "Avoid direct sun and flash; soft daylight works best."),
        [Duplicate] = ("This photo is nearly the same as another one you uploaded.", "Use photos from different moments: other angles, light, clothes or places."),
        [DifferentPerson] = ("This photo seems to show someone else.", "Upload only photos of yourself."),
    };

    public static string ReasonFor(string code) => Texts.TryGetValue(code, out var t) ? t.Reason : code;

    public static string TipFor(string code) => Texts.TryGetValue(code, out var t) ? t.Tip : "Choose another photo.";
}
