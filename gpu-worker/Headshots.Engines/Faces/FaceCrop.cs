using System.Numerics;

namespace Headshots.Engines.Faces;

/// <summary>A square, rotated region of interest around a face, and the map from its model-input pixels to the image.</summary>
public sealed record FaceCrop(Vector2 Centre, float Size, float Angle)
{
    /// <summary>Maps a pixel of a <paramref name="resolution"/>-sized crop to image pixels.</summary>
    public Matrix3x2 CropToImage(int resolution) =>
        Matrix3x2.CreateTranslation(-resolution / 2f, -resolution / 2f)
        * Matrix3x2.CreateScale(Size / resolution)
        * Matrix3x2.CreateRotation(Angle)
        * Matrix3x2.CreateTranslation(Centre);

    /// <summary>MediaPipe's region of interest: the box, enlarged by <paramref name="scale"/>, turned level with the eyes.</summary>
    public static FaceCrop Around(Vector2 centre, float width, float height, Vector2 rightEye, Vector2 leftEye, float scale)
    {
        var d = leftEye - rightEye;
        return new FaceCrop(centre, MathF.Max(width, height) * scale, MathF.Atan2(d.Y, d.X));
    }
}
