using Headshots.Models.Tfjs;

namespace Headshots.Models.Keras;

/// <summary>Finds a layer's weights, which TF.js writes as <c>LAYER/kernel</c> (sometimes under a scope, <c>model/LAYER/kernel</c>).</summary>
internal sealed class KerasLayerWeights(IReadOnlyDictionary<string, TfjsTensor> weights)
{
    public TfjsTensor Require(KerasLayer layer, string weight, params int[] shape)
    {
        var tensor = Find(layer.Name, weight)
            ?? throw new ModelConversionException($"Layer '{layer.Name}' ({layer.ClassName}) needs the weight '{layer.Name}/{weight}', which the weights manifest does not have.");
        if (shape.Length > 0 && !tensor.Shape.SequenceEqual(shape))
        {
            throw new ModelConversionException(
                $"Weight '{tensor.Name}' has shape [{string.Join(',', tensor.Shape)}] but layer '{layer.Name}' needs [{string.Join(',', shape)}].");
        }

        return tensor;
    }

    private TfjsTensor? Find(string layer, string weight)
    {
        if (weights.TryGetValue($"{layer}/{weight}", out var exact)) return exact;
        var suffix = $"/{layer}/{weight}";
        var scoped = weights.Values.Where(t => t.Name.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        return scoped.Count == 1 ? scoped[0] : null;
    }
}
