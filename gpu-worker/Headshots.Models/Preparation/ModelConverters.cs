using Headshots.Models.Dlib;
using Headshots.Models.Keras;
using Headshots.Models.Tfjs;
using Headshots.Models.Onnx.Proto;

namespace Headshots.Models.Preparation;

/// <summary>
/// The converters a manifest entry can name. Each has a version: bump it when its output changes, so prepared
/// models in caches and images are rebuilt instead of silently kept.
/// </summary>
public static class ModelConverters
{
    private static readonly Dictionary<string, (int Version, Func<string, byte[]> Convert)> Converters = new(StringComparer.Ordinal)
    {
        ["onnx"] = (1, CheckedOnnx),
        ["tfjs-graph"] = (1, TfjsGraphConverter.Convert),
        ["keras-layers"] = (1, KerasLayersConverter.Convert),
        ["dlib-resnet"] = (1, DlibResNetConverter.Convert),
    };

    public static IReadOnlyCollection<string> Known => Converters.Keys;

    public static int VersionOf(string converter) => Converters[converter].Version;

    /// <param name="sourcePath">The manifest's <c>source</c> file, unpacked with its companion files.</param>
    public static byte[] Convert(string converter, string sourcePath) => Converters[converter].Convert(sourcePath);

    /// <summary>A model shipped as ONNX is taken as it is, once it parses as an ONNX model with a graph.</summary>
    private static byte[] CheckedOnnx(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new ModelConversionException($"{Path.GetFileName(path)} is not an ONNX model: {e.Message}", e);
        }

        if (model.Graph is null || model.Graph.Node.Count == 0)
        {
            throw new ModelConversionException($"{Path.GetFileName(path)} has no graph.");
        }

        return bytes;
    }
}
