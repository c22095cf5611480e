namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// The natural logarithm and the sine and cosine of a full turn's fraction, from additions, multiplications and
/// divisions only. IEEE 754 rounds those exactly the same everywhere, while <see cref="Math.Log(double)"/> and
/// <see cref="Math.Cos"/> come from each platform's C library and may differ in the last bit, which would make the
/// seeded noise differ between machines. Accurate to a few units in the last place of a double: far more than the
/// float latents keep.
/// </summary>
internal static class PortableMath
{
    // ln 2 split as fdlibm does: the high part has zero low bits, so exponent × high is exact.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const double HalfPi = 1.5707963267948966;
    private const double SmallestNormal = 2.2250738585072014E-308;

    // 1/k! for the Taylor series, computed once by division (exactly rounded, so the same everywhere).
    private static readonly double[] InverseFactorials = BuildInverseFactorials(21);

    /// <summary>ln x for a positive, normal (not subnormal) double.</summary>
    public static double Log(double x)
    {
        if (!(x >= SmallestNormal) || double.IsPositiveInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Only positive normal values are supported.");
        }

        // x = m × 2^e with m in [√½, √2), so the series below converges fast.
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m /= 2;
            exponent++;
        }

        // ln m = 2 artanh(s) = 2 (s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| ≤ 0.172: 13 terms reach 1e-20.
        var s = (m - 1) / (m + 1);
        var s2 = s * s;
        var sum = 0.0;
        for (var k = 24; k >= 2; k -= 2) sum = (sum + (1.0 / (k + 1))) * s2;
        var logM = 2 * (s + (s * sum));
        return (exponent * Ln2High) + ((exponent * Ln2Low) + logM);
    }

    /// <summary>cos(2π·<paramref name="turns"/>) and sin(2π·<paramref name="turns"/>) for turns in [0, 1).</summary>
    public static (double Cos, double Sin) CosSinOfTurns(double turns)
    {
        if (!(turns >= 0 && turns < 1)) throw new ArgumentOutOfRangeException(nameof(turns), turns, "Expected [0, 1).");

        // Quarter turns: the quadrant, then the angle within it; both steps are exact in binary.
        var quarters = turns * 4;
        var quadrant = (int)quarters;
        var fraction = quarters - quadrant;

        // Keep the series' argument within π/4 by using the complement for the upper half of the quadrant.
        double cos, sin;
        if (fraction <= 0.5)
        {
            (cos, sin) = CosSinSeries(fraction * HalfPi);
        }
        else
        {
            (sin, cos) = CosSinSeries((1 - fraction) * HalfPi);
        }

        return quadrant switch
        {
            0 => (cos, sin),
            1 => (-sin, cos),
            2 => (-cos, -sin),
            _ => (sin, -cos),
        };
    }

    /// <summary>Taylor series to x²⁰ and x²¹, for |x| ≤ π/4, where the next terms are below 1e-19.</summary>
    private static (double Cos, double Sin) CosSinSeries(double x)
    {
        var x2 = x * x;
        var cos = 0.0;
        var sin = 0.0;
        for (var k = 20; k >= 2; k -= 2)
        {
            var sign = (k / 2) % 2 == 0 ? 1 : -1;
            cos = (cos * x2) + (sign * InverseFactorials[k]);
            sin = (sin * x2) + (sign * InverseFactorials[k + 1]);
        }

        return ((cos * x2) + 1, ((sin * x2) + 1) * x);
    }

    private static double[] BuildInverseFactorials(int count)
    {
        var inverse = new double[count + 1];
        var factorial = 1.0;
        inverse[0] = 1;
        for (var k = 1; k <= count; k++)
        {
            factorial *= k;
            inverse[k] = 1 / factorial;
        }

        return inverse;
    }
}
