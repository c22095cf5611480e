using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Jobs.Edits;

namespace Headshots.Engines.Retouch;

/// <summary>
/// The landmark-guided retouch on pixels: skin tone evened with its texture kept, freckles added or softened,
/// light makeup and eye balance. Only the face's pixels change (nothing outside the face oval and its features is
/// written) and the geometry never does.
/// </summary>
public static class FaceRetouch
{
    /// <param name="landmarks">The face's mesh in <paramref name="image"/>'s pixels.</param>
    /// <returns>A retouched copy; <paramref name="image"/> itself is not changed.</returns>
    public static RgbImage Apply(RgbImage image, FaceLandmarks landmarks, RetouchSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new RgbImage(image.Width, image.Height, (byte[])image.Pixels.Clone());
        ApplyInPlace(result, landmarks, settings, cancellationToken);
        return result;
    }

    /// <summary>
    /// The same retouch written into <paramref name="image"/> itself, for a caller that is done with the unretouched
    /// pixels: a full-resolution render is 20 MB or more that a copy would write into fresh memory.
    /// </summary>
    public static void ApplyInPlace(RgbImage image, FaceLandmarks landmarks, RetouchSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(landmarks);
        ArgumentNullException.ThrowIfNull(settings);
        if (FaceFrame.In(landmarks, image.Width, image.Height) is not { } frame)
        {
            return;
        }

        var patch = FacePatch.Cut(image, frame.Area);

        var texture = TextureGrain.Energy(patch, frame);
        SkinSmoothing.Apply(patch, frame, settings.SkinSmoothing);
        // Whatever fine texture the smoothing took (little: it works above pore scale) comes back as grain.
        TextureGrain.Restore(patch, frame, texture);
        cancellationToken.ThrowIfCancellationRequested();

        switch (settings.Freckles)
        {
            case FreckleChange.Add:
                FreckleAdder.Apply(patch, frame, settings.FreckleDensity, settings.FreckleSize);
                break;
            case FreckleChange.Soften:
                FreckleSoftener.Apply(patch, frame);
                break;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (settings.Makeup.HasFlag(MakeupOptions.Shine)) ShineControl.Apply(patch, frame);
        if (settings.Makeup.HasFlag(MakeupOptions.UnderEye)) UnderEyeLift.Apply(patch, frame);
        if (settings.Makeup.HasFlag(MakeupOptions.Lips)) LipTint.Apply(patch, frame);
        if (settings.BalanceEyes) EyeBalance.Apply(patch, frame);

        // The patch is a copy cut before any of this: writing it back is the only change to the image.
        patch.WriteInto(image, frame.Face);
    }
}
