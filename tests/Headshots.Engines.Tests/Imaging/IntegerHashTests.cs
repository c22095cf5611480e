using Headshots.Engines.Imaging;

namespace Headshots.Engines.Tests.Imaging;

public sealed class IntegerHashTests
{
    [Fact]
    public void Unit_ManyConsecutiveInputs_SpreadEvenlyOverZeroToOne()
    {
        const int n = 100_000;
        var buckets = new int[10];
        double sum = 0;
        for (var i = 0u; i < n; i++)
        {
            var u = IntegerHash.Unit(IntegerHash.Mix(i));
            Assert.InRange(u, 0f, 0.99999995f);
            buckets[(int)(u * 10)]++;
            sum += u;
        }

        Assert.Equal(0.5, sum / n, 0.01);
        Assert.All(buckets, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void Mix_OneInputBitFlipped_ChangesAboutHalfTheOutputBits()
    {
        double changed = 0;
        var trials = 0;
        for (var x = 1u; x < 2000; x += 7)
        {
            for (var bit = 0; bit < 32; bit++)
            {
                changed += uint.PopCount(IntegerHash.Mix(x) ^ IntegerHash.Mix(x ^ (1u << bit)));
                trials++;
            }
        }

        Assert.Equal(16, changed / trials, 0.5);
    }

    [Fact]
    public void MixAndUnit_EightAtOnce_GiveTheBitsOfOneAtATime()
    {
        var random = new Random(11);
        for (var round = 0; round < 100; round++)
        {
            var inputs = Enumerable.Range(0, 8).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();

            var mixed = IntegerHash.Mix(System.Runtime.Intrinsics.Vector256.Create(inputs));
            var units = IntegerHash.Unit(mixed);

            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(IntegerHash.Mix(inputs[i]), mixed[i]);
                Assert.Equal(IntegerHash.Unit(IntegerHash.Mix(inputs[i])), units[i]);
            }
        }
    }
}
