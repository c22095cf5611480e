namespace Headshots.Engines.Faces;

/// <summary>
/// Hard masks of the face's regions at the analysed image's size, from the mesh (255 inside). Skin is the face
/// oval without the eyes, brows and lips: where retouching may even out tone and never where it would change
/// features. Callers soften the edges to taste.
/// </summary>
public sealed record FaceRegionMasks(int Width, int Height, byte[] Skin, byte[] Lips, byte[] Eyes, byte[] Brows)
{
    public static FaceRegionMasks From(FaceLandmarks landmarks, int width, int height)
    {
        byte[] Region(params int[][] contours)
        {
            var mask = new byte[width * height];
            foreach (var contour in contours)
            {
                PolygonRaster.Fill(mask, width, height, landmarks.Contour(contour), 255);
            }

            return mask;
        }

        var lips = Region(FaceRegions.LipsOuter);
        var eyes = Region(FaceRegions.RightEye, FaceRegions.LeftEye);
        var brows = Region(FaceRegions.RightBrow, FaceRegions.LeftBrow);
        var skin = Region(FaceRegions.FaceOval);
        for (var i = 0; i < skin.Length; i++)
        {
            if (lips[i] != 0 || eyes[i] != 0 || brows[i] != 0)
            {
                skin[i] = 0;
            }
        }

        return new FaceRegionMasks(width, height, skin, lips, eyes, brows);
    }
}
