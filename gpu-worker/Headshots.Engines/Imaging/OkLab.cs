namespace Headshots.Engines.Imaging;

/// <summary>
/// Björn Ottosson's OKLab, to and from sRGB: a perceptual space where hue and chroma change without touching
/// lightness. A recolour keeps the fabric's folds and shading there, and a freckle reads as a browner patch of the
/// same skin rather than a grey smudge.
/// </summary>
internal static class OkLab
{
    static readonly float[] LinearOfByte = Enumerable.Range(0, 256).Select(v => Linearise(v / 255f)).ToArray();

    public static (float L, float A, float B) FromSrgb(byte r, byte g, byte b) => FromLinear(LinearOfByte[r], LinearOfByte[g], LinearOfByte[b]);

    /// <param name="r">0–255, unrounded; clamped.</param>
    public static (float L, float A, float B) FromSrgb(float r, float g, float b) =>
        FromLinear(Linearise(Math.Clamp(r / 255f, 0f, 1f)), Linearise(Math.Clamp(g / 255f, 0f, 1f)), Linearise(Math.Clamp(b / 255f, 0f, 1f)));

    public static (float L, float A, float B) FromLinear(float r, float g, float b)
    {
        var l = MathF.Cbrt((0.4122214708f * r) + (0.5363325363f * g) + (0.0514459929f * b));
        var m = MathF.Cbrt((0.2119034982f * r) + (0.6806995451f * g) + (0.1073969566f * b));
        var s = MathF.Cbrt((0.0883024619f * r) + (0.2817188376f * g) + (0.6299787005f * b));
        return (
            (0.2104542553f * l) + (0.7936177850f * m) - (0.0040720468f * s),
            (1.9779984951f * l) - (2.4285922050f * m) + (0.4505937099f * s),
            (0.0259040371f * l) + (0.7827717662f * m) - (0.8086757660f * s));
    }

    /// <summary>Linear-light RGB, possibly outside 0–1 when the colour is out of the sRGB gamut.</summary>
    public static (float R, float G, float B) ToLinear(float lightness, float a, float b)
    {
        var l = lightness + (0.3963377774f * a) + (0.2158037573f * b);
        var m = lightness - (0.1055613458f * a) - (0.0638541728f * b);
        var s = lightness - (0.0894841775f * a) - (1.2914855480f * b);
        l = l * l * l;
        m = m * m * m;
        s = s * s * s;
        return (
            (4.0767416621f * l) - (3.3077115913f * m) + (0.2309699292f * s),
            (-1.2684380046f * l) + (2.6097574011f * m) - (0.3413193965f * s),
            (-0.0041960863f * l) - (0.7034186147f * m) + (1.7076147010f * s));
    }

    /// <summary>sRGB 0–255 (unrounded, clamped to the gamut).</summary>
    public static (float R, float G, float B) ToSrgb(float lightness, float a, float b)
    {
        var (r, g, bl) = ToLinear(lightness, a, b);
        return (ToSrgb(r), ToSrgb(g), ToSrgb(bl));
    }

    public static bool InGamut((float R, float G, float B) c) =>
        c.R is >= -1e-4f and <= 1.0001f && c.G is >= -1e-4f and <= 1.0001f && c.B is >= -1e-4f and <= 1.0001f;

    /// <summary>sRGB 0–255 (unrounded) from linear light.</summary>
    public static float ToSrgb(float linear)
    {
        linear = Math.Clamp(linear, 0f, 1f);
        var v = linear <= 0.0031308f ? 12.92f * linear : (1.055f * MathF.Pow(linear, 1 / 2.4f)) - 0.055f;
        return v * 255f;
    }

    static float Linearise(float v) => v <= 0.04045f ? v / 12.92f : MathF.Pow((v + 0.055f) / 1.055f, 2.4f);
}
