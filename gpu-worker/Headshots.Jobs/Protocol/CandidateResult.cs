namespace Headshots.Jobs.Protocol;

/// <summary>
/// One candidate headshot, as the generate job (reframed from a photo) and the assess job (framed from a generated
/// image) report it: written as a JPEG of its look's aspect, measured, its face placed and compared with the person.
/// </summary>
/// <param name="Face">Where the face sits and how far it is from the person; null without the face models.</param>
/// <param name="Source">For a headshot framed from a photo: what of the photo it holds; null for generated ones.</param>
public sealed record CandidateResult(string Path, string Look, string Aspect, ImageMeasurements Measurements, HeadshotFace? Face, PhotoSource? Source = null) : GpuJobValues
{
    public override IReadOnlyList<string> Blobs() => [Path];
}

/// <summary>A produced headshot's face, as selection and the likeness check read it.</summary>
/// <param name="IdentityDistance">Distance to the person's reference identity (a headshot without a findable face is as far as it gets); null without an identity profile.</param>
/// <param name="EyeLine">Height of the eyes as a fraction of the image height; null when no face was found.</param>
/// <param name="FaceWidth">Width of the face as a fraction of the image width; null when no face was found.</param>
public sealed record HeadshotFace(double? IdentityDistance, double? EyeLine, double? FaceWidth);
