namespace Headshots.Engines.Faces;

/// <summary>
/// Regions of the 468-point MediaPipe face mesh, as closed contours of mesh indices ("right" and "left" are the
/// person's). The enhancer paints masks from these; the aligner uses the eye, nose and mouth points.
/// </summary>
public static class FaceRegions
{
    public static readonly int[] FaceOval =
        [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109];

    /// <summary>The lower face outline, ear to chin to ear.</summary>
    public static readonly int[] Jaw =
        [234, 93, 132, 58, 172, 136, 150, 149, 176, 148, 152, 377, 400, 378, 379, 365, 397, 288, 361, 323, 454];

    /// <summary>The upper face outline, temple to forehead to temple: where the hair starts.</summary>
    public static readonly int[] Hairline = [127, 162, 21, 54, 103, 67, 109, 10, 338, 297, 332, 284, 251, 389, 356];

    public static readonly int[] LipsOuter = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185];

    public static readonly int[] LipsInner = [78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308, 415, 310, 311, 312, 13, 82, 81, 80, 191];

    public static readonly int[] RightEye = [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246];

    public static readonly int[] LeftEye = [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466];

    public static readonly int[] RightBrow = [46, 53, 52, 65, 55, 107, 66, 105, 63, 70];

    public static readonly int[] LeftBrow = [276, 283, 282, 295, 285, 336, 296, 334, 293, 300];

    public const int NoseTip = 1;
    public const int Chin = 152;
    public const int ForeheadTop = 10;
    public const int MouthRightCorner = 61;
    public const int MouthLeftCorner = 291;
    public const int RightEyeOuter = 33;
    public const int LeftEyeOuter = 263;
    public const int RightCheek = 234;
    public const int LeftCheek = 454;
}
