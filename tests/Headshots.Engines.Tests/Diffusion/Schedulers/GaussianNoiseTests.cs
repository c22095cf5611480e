using Headshots.Engines.Diffusion.Schedulers;

namespace Headshots.Engines.Tests.Diffusion.Schedulers;

public sealed class GaussianNoiseTests
{
    [Fact]
    public void SplitMix64_Seed1234567_PublishedOutputs()
    {
        // SplitMix64's widely published test vector: the first five outputs from state 1234567.
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];

        Assert.Equal(expected, Enumerable.Range(0, 5).Select(n => GaussianNoise.SplitMix64(1234567, n)));
    }

    [Fact]
    public void Fill_Seed42Stream0_ValuesComputedIndependently()
    {
        // Computed in Python with math.log/cos/sin from the documented construction: key = mix(mix(42) + 0·γ),
        // bits_n = mix(key + (n + 1)·γ), u1 = ((b_2j >> 11) + 1)·2⁻⁵³, u2 = (b_2j+1 >> 11)·2⁻⁵³,
        // z = √(−2 ln u1)·(cos 2πu2, sin 2πu2).
        double[] expected = [-0.9385468849080912, 0.3042429980549753, -1.4363289579724985, 1.0454251047431677, -0.7346503216753353, -0.21490010221151118];
        var values = new float[6];

        new GaussianNoise(42).Fill(0, values);

        for (var i = 0; i < 6; i++) Assert.Equal((float)expected[i], values[i]);
    }

    [Fact]
    public void Fill_Seed7Stream3_ValuesComputedIndependently()
    {
        // As above, for seed 7 and stream 3: key = mix(mix(7) + 3·γ).
        var values = new float[2];

        new GaussianNoise(7).Fill(3, values);

        Assert.Equal((float)0.8535907961074514, values[0]);
        Assert.Equal((float)0.6418060980724924, values[1]);
    }

    [Fact]
    public void Fill_SameSeedTwice_SameNoise()
    {
        var first = new float[10_001];
        var second = new float[10_001];

        new GaussianNoise(1234).Fill(5, first);
        new GaussianNoise(1234).Fill(5, second);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fill_OtherSeedOrStream_OtherNoise()
    {
        var baseline = new float[64];
        var otherSeed = new float[64];
        var otherStream = new float[64];

        new GaussianNoise(1).Fill(0, baseline);
        new GaussianNoise(2).Fill(0, otherSeed);
        new GaussianNoise(1).Fill(1, otherStream);

        Assert.NotEqual(baseline, otherSeed);
        Assert.NotEqual(baseline, otherStream);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(777)]
    public void Fill_FromAnOffset_SameValuesAsTheWholeStream(long first)
    {
        var whole = new float[1000];
        var slice = new float[101];

        new GaussianNoise(9).Fill(4, whole);
        new GaussianNoise(9).Fill(4, first, slice);

        Assert.Equal(whole[(int)first..((int)first + 101)], slice);
    }

    [Fact]
    public void Fill_MillionValues_StandardNormalMoments()
    {
        var values = new float[1_000_000];

        new GaussianNoise(2026).Fill(0, values);

        var mean = values.Average(v => (double)v);
        var variance = values.Average(v => ((double)v - mean) * ((double)v - mean));
        var skew = values.Average(v => Math.Pow(v - mean, 3)) / Math.Pow(variance, 1.5);
        var kurtosis = values.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        // Standard errors at n = 10⁶: mean 0.001, variance 0.0014, skew 0.0025, kurtosis 0.005; bounds of about 5 of them.
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.993, 1.007);
        Assert.InRange(skew, -0.0125, 0.0125);
        Assert.InRange(kurtosis, 2.975, 3.025);
        Assert.InRange(values.Count(v => Math.Abs(v) < 1) / 1e6, 0.6827 - 0.0025, 0.6827 + 0.0025);
    }

    [Fact]
    public void Fill_LargeArrayInParallelChunks_SameValuesAsOneSequentialPass()
    {
        // An odd length over many chunks: the split must not move any value.
        var parallel = new float[100_001];
        var sequential = new float[100_001];

        new GaussianNoise(7).Fill(3, parallel);
        new GaussianNoise(7).Fill(3, 0, sequential.AsSpan());

        Assert.Equal(sequential, parallel);
    }
}
