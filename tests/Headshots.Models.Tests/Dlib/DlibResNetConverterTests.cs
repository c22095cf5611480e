using Headshots.Models.Dlib;
using Headshots.Models.Tests.Onnx;
using Headshots.Models.Tfjs;

namespace Headshots.Models.Tests.Dlib;

public sealed class DlibResNetConverterTests
{
    [Fact]
    public void Build_RandomWeights_MatchesALiteralForwardPass()
    {
        var random = new Random(7);
        var weights = RandomWeights(random);
        var face = Enumerable.Range(0, 150 * 150 * 3).Select(_ => (float)random.Next(256)).ToArray();

        var onnx = OnnxRunner.Run(DlibResNetConverter.Build(weights), (DlibResNetConverter.InputName, face, [1, 150, 150, 3]));
        var expected = NaiveDlibResNet.Forward(face, weights);

        var actual = onnx[DlibResNetConverter.OutputName].Values;
        Assert.Equal(128, actual.Length);
        var scale = expected.Max(Math.Abs);
        Assert.True(scale > 1e-3f, "the reference output is degenerate; the test would prove nothing");
        Assert.All(expected.Zip(actual), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= 1e-3f * scale, $"{pair.First} vs {pair.Second}"));
    }

    [Fact]
    public void Build_MissingTensor_FailsNamingIt()
    {
        var weights = RandomWeights(new Random(1));
        weights.Remove("conv128_1/conv2/scale/weights");

        var error = Assert.Throws<ModelConversionException>(() => DlibResNetConverter.Build(weights));

        Assert.Contains("conv128_1/conv2/scale/weights", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, TfjsTensor> RandomWeights(Random random)
    {
        var weights = new Dictionary<string, TfjsTensor>();
        void Layer(string name, int k, int cin, int cout)
        {
            // He-style scale keeps activations in range through 29 layers.
            var std = MathF.Sqrt(2f / (k * k * cin));
            Add($"{name}/conv/filters", [k, k, cin, cout], () => (float)((random.NextDouble() * 2) - 1) * std * 1.7f);
            Add($"{name}/conv/bias", [cout], () => (float)(random.NextDouble() - 0.5) * 0.1f);
            Add($"{name}/scale/weights", [cout], () => 0.5f + (float)random.NextDouble());
            Add($"{name}/scale/biases", [cout], () => (float)(random.NextDouble() - 0.5) * 0.2f);
        }

        void Add(string name, int[] shape, Func<float> next)
        {
            var values = new float[shape.Aggregate(1, (a, b) => a * b)];
            for (var i = 0; i < values.Length; i++) values[i] = next();
            weights[name] = new TfjsTensor(name, shape, values, null);
        }

        Layer("conv32_down", 7, 3, 32);
        var channels = 32;
        foreach (var (name, cout) in new[]
        {
            ("conv32_1", 32), ("conv32_2", 32), ("conv32_3", 32), ("conv64_down", 64), ("conv64_1", 64), ("conv64_2", 64), ("conv64_3", 64),
            ("conv128_down", 128), ("conv128_1", 128), ("conv128_2", 128), ("conv256_down", 256), ("conv256_1", 256), ("conv256_2", 256),
            ("conv256_down_out", 256),
        })
        {
            Layer($"{name}/conv1", 3, channels, cout);
            Layer($"{name}/conv2", 3, cout, cout);
            channels = cout;
        }

        Add("fc", [256, 128], () => (float)(random.NextDouble() - 0.5) * 0.1f);
        return weights;
    }
}
