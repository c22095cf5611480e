namespace Headshots.Engines.Retouch;

/// <summary>
/// sRGB (0–255) to and from Oklab: darkening, tinting and evening colour there changes lightness and hue the way
/// the eye sees them, so a freckle reads as a browner patch of the same skin rather than a grey smudge.
/// </summary>
internal static class OkLab
{
    public static (float L, float A, float B) FromSrgb(float r, float g, float b)
    {
        var lr = ToLinear(r);
        var lg = ToLinear(g);
        var lb = ToLinear(b);
        var l = MathF.Cbrt((0.4122214708f * lr) + (0.5363325363f * lg) + (0.0514459929f * lb));
        var m = MathF.Cbrt((0.2119034982f * lr) + (0.6806995451f * lg) + (0.1073969566f * lb));
        var s = MathF.Cbrt((0.0883024619f * lr) + (0.2817188376f * lg) + (0.6299787005f * lb));
        return (
            (0.2104542553f * l) + (0.7936177850f * m) - (0.0040720468f * s),
            (1.9779984951f * l) - (2.4285922050f * m) + (0.4505937099f * s),
            (0.0259040371f * l) + (0.7827717662f * m) - (0.8086757660f * s));
    }

    public static (float R, float G, float B) ToSrgb(float lightness, float a, float b)
    {
        var l = lightness + (0.3963377774f * a) + (0.2158037573f * b);
        var m = lightness - (0.1055613458f * a) - (0.0638541728f * b);
        var s = lightness - (0.0894841775f * a) - (1.2914855480f * b);
        l = l * l * l;
        m = m * m * m;
        s = s * s * s;
        return (
            FromLinear((4.0767416621f * l) - (3.3077115913f * m) + (0.2309699292f * s)),
            FromLinear((-1.2684380046f * l) + (2.6097574011f * m) - (0.3413193965f * s)),
            FromLinear((-0.0041960863f * l) - (0.7034186147f * m) + (1.7076147010f * s)));
    }

    static float ToLinear(float value)
    {
        var c = Math.Clamp(value / 255f, 0f, 1f);
        return c <= 0.04045f ? c / 12.92f : MathF.Pow((c + 0.055f) / 1.055f, 2.4f);
    }

    static float FromLinear(float value)
    {
        var c = Math.Clamp(value, 0f, 1f);
        return 255f * (c <= 0.0031308f ? c * 12.92f : (1.055f * MathF.Pow(c, 1f / 2.4f)) - 0.055f);
    }
}
