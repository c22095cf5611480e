using System.Drawing;
using Headshots.Engines.Faces;

namespace Headshots.Engines.Intake;

/// <summary>
/// What the judge measured on one photo and what it concluded. Box fractions are of the image's width and
/// height. <see cref="Reasons"/> is empty when the photo is accepted.
/// </summary>
public sealed record PhotoAssessment(
    string Name,
    int Faces,
    IReadOnlyList<FaceSummary> FaceBoxes,
    double FaceWidth,
    double Yaw,
    double RollDegrees,
    FaceExposure? FaceExposure,
    PerceptualHash Hash,
    FaceEmbedding? Embedding,
    IReadOnlyList<string> Reasons,
    double? IdentityDistance = null,
    string? Explanation = null,
    string? Advice = null)
{
    public bool Accepted => Reasons.Count == 0;

    /// <summary>What was wrong, in words: the file-level message when the file could not be opened.</summary>
    public string? Reason => Code is null ? null : Explanation ?? IntakeReasons.ReasonFor(Code);

    /// <summary>What to do about it.</summary>
    public string? Tip => Code is null ? null : Advice ?? IntakeReasons.TipFor(Code);

    /// <summary>A file the normaliser refused: nothing was measured.</summary>
    public static PhotoAssessment Unreadable(string name, PhotoRejectedException rejection) =>
        new(name, 0, [], 0, 0, 0, null, default, null, [rejection.Code], Explanation: rejection.Reason, Advice: rejection.Tip);

    /// <summary>The reason a person sees first: the most fundamental one.</summary>
    public string? Code => Reasons.Count > 0 ? Reasons[0] : null;

    public PhotoAssessment Rejecting(string code) => Reasons.Contains(code) ? this : this with { Reasons = [.. Reasons, code] };
}

/// <summary>A face found on the photo: its box as fractions of the image, and the detector's score.</summary>
public sealed record FaceSummary(float X, float Y, float Width, float Height, float Score)
{
    public static FaceSummary Of(RectangleF box, float score, int width, int height) =>
        new(box.X / width, box.Y / height, box.Width / width, box.Height / height, score);
}
