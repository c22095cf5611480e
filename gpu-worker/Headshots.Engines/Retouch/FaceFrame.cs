using System.Drawing;
using System.Numerics;
using Headshots.Engines.Faces;

namespace Headshots.Engines.Retouch;

/// <summary>
/// Where the face is inside its patch: the mesh in patch pixels, the scale every radius is sized from (the
/// inter-ocular distance) and the region masks as 0–1 floats.
/// </summary>
internal sealed class FaceFrame
{
    FaceFrame(Rectangle area, FaceLandmarks landmarks, FaceRegionMasks masks)
    {
        Area = area;
        Landmarks = landmarks;
        RightEye = landmarks.RightEyeCentre;
        LeftEye = landmarks.LeftEyeCentre;
        InterOcular = Math.Max(4f, Vector2.Distance(RightEye, LeftEye));
        var mouth = (landmarks[FaceRegions.MouthRightCorner] + landmarks[FaceRegions.MouthLeftCorner]) / 2;
        var eyes = (RightEye + LeftEye) / 2;
        var down = mouth - eyes;
        Down = down.LengthSquared() > 1 ? Vector2.Normalize(down) : Vector2.UnitY;
        SkinHard = ToUnit(masks.Skin);
        Face = new float[SkinHard.Length];
        for (var i = 0; i < Face.Length; i++)
        {
            Face[i] = (masks.Skin[i] | masks.Lips[i] | masks.Eyes[i] | masks.Brows[i]) != 0 ? 1 : 0;
        }

        // Feathered inwards: the weight is 0 on and outside the mask's edge, so hair, eyes and lips keep their pixels.
        SkinWeight = FeatherInside(SkinHard, Math.Max(1.5f, 0.025f * InterOcular));

        var mouthOpening = new byte[SkinHard.Length];
        PolygonRaster.Fill(mouthOpening, Width, Height, landmarks.Contour(FaceRegions.LipsInner), 255);
        var lips = ToUnit(masks.Lips);
        for (var i = 0; i < lips.Length; i++)
        {
            if (mouthOpening[i] != 0) lips[i] = 0;
        }

        LipsWeight = FeatherInside(lips, Math.Max(1f, 0.015f * InterOcular));
        Seed = StableSeed(landmarks, area);
    }

    public Rectangle Area { get; }

    public int Width => Area.Width;

    public int Height => Area.Height;

    public FaceLandmarks Landmarks { get; }

    public Vector2 RightEye { get; }

    public Vector2 LeftEye { get; }

    public float InterOcular { get; }

    /// <summary>Unit vector from the eyes towards the mouth: "down" on the face whatever the head's roll.</summary>
    public Vector2 Down { get; }

    /// <summary>Skin without eyes, brows and lips, 0 or 1.</summary>
    public float[] SkinHard { get; }

    /// <summary>The skin mask feathered inwards: how much of a skin retouch applies at each pixel.</summary>
    public float[] SkinWeight { get; }

    /// <summary>The lips without the mouth opening, feathered inwards.</summary>
    public float[] LipsWeight { get; }

    /// <summary>The whole face (oval and features), 0 or 1: nothing outside it is ever written.</summary>
    public float[] Face { get; }

    /// <summary>Derived from the mesh, so the same photo always gets the same freckles and grain.</summary>
    public int Seed { get; }

    /// <param name="landmarks">The mesh in the image's pixels.</param>
    /// <returns>Null when the face is too small (or too far outside the image) to retouch.</returns>
    public static FaceFrame? In(FaceLandmarks landmarks, int imageWidth, int imageHeight)
    {
        var bounds = landmarks.Bounds;
        var margin = 4;
        var left = Math.Max(0, (int)MathF.Floor(bounds.Left) - margin);
        var top = Math.Max(0, (int)MathF.Floor(bounds.Top) - margin);
        var right = Math.Min(imageWidth, (int)MathF.Ceiling(bounds.Right) + margin);
        var bottom = Math.Min(imageHeight, (int)MathF.Ceiling(bounds.Bottom) + margin);
        if (right - left < 8 || bottom - top < 8)
        {
            return null;
        }

        var area = Rectangle.FromLTRB(left, top, right, bottom);
        var offset = new Vector3(left, top, 0);
        var local = new FaceLandmarks(landmarks.Points.Select(p => p - offset).ToList(), landmarks.Confidence);
        return new FaceFrame(area, local, FaceRegionMasks.From(local, area.Width, area.Height));
    }

    /// <summary>0 on and outside the mask's edge, rising to 1 about <paramref name="sigma"/> inside.</summary>
    public float[] FeatherInside(float[] hard, float sigma)
    {
        var soft = Blur.Gaussian(hard, Width, Height, sigma);
        for (var i = 0; i < soft.Length; i++)
        {
            soft[i] = hard[i] == 0 ? 0 : Math.Clamp((2 * soft[i]) - 1, 0, 1);
        }

        return soft;
    }

    public float At(float[] plane, Vector2 p)
    {
        var x = Math.Clamp((int)p.X, 0, Width - 1);
        var y = Math.Clamp((int)p.Y, 0, Height - 1);
        return plane[(y * Width) + x];
    }

    static float[] ToUnit(byte[] mask)
    {
        var unit = new float[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            unit[i] = mask[i] != 0 ? 1 : 0;
        }

        return unit;
    }

    static int StableSeed(FaceLandmarks landmarks, Rectangle area)
    {
        // FNV-1a over the rounded mesh: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        void Mix(int value)
        {
            hash = (hash ^ (uint)value) * 16777619u;
        }

        Mix(area.X);
        Mix(area.Y);
        foreach (var p in landmarks.Points)
        {
            Mix((int)MathF.Round(p.X));
            Mix((int)MathF.Round(p.Y));
        }

        return (int)(hash & 0x7fffffff);
    }
}
