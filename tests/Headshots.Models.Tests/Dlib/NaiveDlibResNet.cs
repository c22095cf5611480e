using Headshots.Models.Tfjs;

namespace Headshots.Models.Tests.Dlib;

/// <summary>
/// A slow, literal forward pass of face-api's description of the network (NHWC, TF padding rules, the scale layer
/// applied after the convolution, zero tensors concatenated where shapes differ): the reference the ONNX graph
/// must reproduce.
/// </summary>
internal static class NaiveDlibResNet
{
    public static float[] Forward(float[] rgb, IReadOnlyDictionary<string, TfjsTensor> w)
    {
        var x = new T(150, 150, 3, rgb.Select((v, i) => (v - Mean[i % 3]) / 256f).ToArray());
        x = ConvLayer(x, w, "conv32_down", 2, relu: true);
        x = Pool(x, 3, 2, max: true);
        foreach (var name in new[] { "conv32_1", "conv32_2", "conv32_3" }) x = Residual(x, w, name);
        x = ResidualDown(x, w, "conv64_down");
        foreach (var name in new[] { "conv64_1", "conv64_2", "conv64_3" }) x = Residual(x, w, name);
        x = ResidualDown(x, w, "conv128_down");
        foreach (var name in new[] { "conv128_1", "conv128_2" }) x = Residual(x, w, name);
        x = ResidualDown(x, w, "conv256_down");
        foreach (var name in new[] { "conv256_1", "conv256_2" }) x = Residual(x, w, name);
        x = ResidualDown(x, w, "conv256_down_out");

        var mean = new float[x.C];
        for (var i = 0; i < x.H * x.W; i++)
            for (var c = 0; c < x.C; c++)
                mean[c] += x.V[(i * x.C) + c] / (x.H * x.W);
        var fc = w["fc"].Floats!;
        var output = new float[128];
        for (var o = 0; o < 128; o++)
            for (var c = 0; c < x.C; c++)
                output[o] += mean[c] * fc[(c * 128) + o];
        return output;
    }

    private static readonly float[] Mean = [122.782f, 117.001f, 104.298f];

    private static T Residual(T x, IReadOnlyDictionary<string, TfjsTensor> w, string name)
    {
        var a = ConvLayer(x, w, $"{name}/conv1", 1, relu: true);
        var b = ConvLayer(a, w, $"{name}/conv2", 1, relu: false);
        return new T(b.H, b.W, b.C, b.V.Select((v, i) => Math.Max(0, v + x.V[i])).ToArray());
    }

    private static T ResidualDown(T x, IReadOnlyDictionary<string, TfjsTensor> w, string name)
    {
        var a = ConvLayer(x, w, $"{name}/conv1", 2, relu: true);
        var b = ConvLayer(a, w, $"{name}/conv2", 1, relu: false);
        var pooled = Pool(x, 2, 2, max: false);
        var result = new T(pooled.H, pooled.W, b.C, new float[pooled.H * pooled.W * b.C]);
        for (var y = 0; y < pooled.H; y++)
            for (var z = 0; z < pooled.W; z++)
                for (var c = 0; c < b.C; c++)
                {
                    var branch = y < b.H && z < b.W ? b.V[(((y * b.W) + z) * b.C) + c] : 0f;
                    var shortcut = c < pooled.C ? pooled.V[(((y * pooled.W) + z) * pooled.C) + c] : 0f;
                    result.V[(((y * pooled.W) + z) * b.C) + c] = Math.Max(0, branch + shortcut);
                }
        return result;
    }

    private static T ConvLayer(T x, IReadOnlyDictionary<string, TfjsTensor> w, string name, int stride, bool relu)
    {
        var f = w[$"{name}/conv/filters"];
        int k = f.Shape[0], cout = f.Shape[3];
        var filters = f.Floats!;
        var bias = w[$"{name}/conv/bias"].Floats!;
        var scale = w[$"{name}/scale/weights"].Floats!;
        var shift = w[$"{name}/scale/biases"].Floats!;
        var pad = stride == 1 ? k / 2 : 0;
        var h = ((x.H + (2 * pad) - k) / stride) + 1;
        var wd = ((x.W + (2 * pad) - k) / stride) + 1;
        var output = new float[h * wd * cout];
        for (var oy = 0; oy < h; oy++)
            for (var ox = 0; ox < wd; ox++)
                for (var o = 0; o < cout; o++)
                {
                    double sum = 0;
                    for (var ky = 0; ky < k; ky++)
                        for (var kx = 0; kx < k; kx++)
                        {
                            var iy = (oy * stride) + ky - pad;
                            var ix = (ox * stride) + kx - pad;
                            if (iy < 0 || ix < 0 || iy >= x.H || ix >= x.W) continue;
                            for (var c = 0; c < x.C; c++)
                                sum += x.V[(((iy * x.W) + ix) * x.C) + c] * filters[(((((ky * k) + kx) * x.C) + c) * cout) + o];
                        }
                    var v = (float)(((sum + bias[o]) * scale[o]) + shift[o]);
                    output[(((oy * wd) + ox) * cout) + o] = relu ? Math.Max(0, v) : v;
                }
        return new T(h, wd, cout, output);
    }

    private static T Pool(T x, int k, int stride, bool max)
    {
        var h = ((x.H - k) / stride) + 1;
        var wd = ((x.W - k) / stride) + 1;
        var output = new float[h * wd * x.C];
        for (var oy = 0; oy < h; oy++)
            for (var ox = 0; ox < wd; ox++)
                for (var c = 0; c < x.C; c++)
                {
                    var acc = max ? float.MinValue : 0f;
                    for (var ky = 0; ky < k; ky++)
                        for (var kx = 0; kx < k; kx++)
                        {
                            var v = x.V[(((((oy * stride) + ky) * x.W) + (ox * stride) + kx) * x.C) + c];
                            acc = max ? Math.Max(acc, v) : acc + (v / (k * k));
                        }
                    output[(((oy * wd) + ox) * x.C) + c] = acc;
                }
        return new T(h, wd, x.C, output);
    }

    private sealed record T(int H, int W, int C, float[] V);
}
