using Google.Protobuf;
using Headshots.Models.Onnx.Proto;

namespace Headshots.Models.Onnx;

/// <summary>A node attribute; the factory methods pick the ONNX attribute type.</summary>
public sealed record OnnxAttribute(string Name, AttributeProto.Types.AttributeType Type, long Int = 0, float Float = 0,
    string? Text = null, IReadOnlyList<long>? Ints = null, IReadOnlyList<float>? Floats = null)
{
    public static OnnxAttribute Of(string name, long value) => new(name, AttributeProto.Types.AttributeType.Int, Int: value);

    public static OnnxAttribute Of(string name, float value) => new(name, AttributeProto.Types.AttributeType.Float, Float: value);

    public static OnnxAttribute Of(string name, string value) => new(name, AttributeProto.Types.AttributeType.String, Text: value);

    public static OnnxAttribute Of(string name, params long[] values) => new(name, AttributeProto.Types.AttributeType.Ints, Ints: values);

    public static OnnxAttribute Of(string name, params float[] values) => new(name, AttributeProto.Types.AttributeType.Floats, Floats: values);

    internal AttributeProto ToProto()
    {
        var proto = new AttributeProto { Name = Name, Type = Type };
        switch (Type)
        {
            case AttributeProto.Types.AttributeType.Int:
                proto.I = Int;
                break;
            case AttributeProto.Types.AttributeType.Float:
                proto.F = Float;
                break;
            case AttributeProto.Types.AttributeType.String:
                proto.S = ByteString.CopyFromUtf8(Text ?? string.Empty);
                break;
            case AttributeProto.Types.AttributeType.Ints:
                proto.Ints.AddRange(Ints ?? []);
                break;
            case AttributeProto.Types.AttributeType.Floats:
                proto.Floats.AddRange(Floats ?? []);
                break;
            default:
                throw new NotSupportedException($"Attribute type {Type} is not written by this project.");
        }

        return proto;
    }
}
