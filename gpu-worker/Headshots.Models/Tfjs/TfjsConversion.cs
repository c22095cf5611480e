using Headshots.Models.Onnx;

namespace Headshots.Models.Tfjs;

/// <summary>
/// The state of one graph conversion: the source nodes and weights, and the ONNX value each converted node gave.
/// Nodes are converted on demand, walking back from the outputs, so nodes no output needs are never emitted.
/// </summary>
internal sealed class TfjsConversion
{
    private static readonly long[] ToNchwOrder = [0, 3, 1, 2];
    private static readonly long[] ToNhwcOrder = [0, 2, 3, 1];

    private readonly Dictionary<string, TfjsNode> nodes = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, TfjsTensor> weights;
    private readonly Dictionary<string, TfjsValue> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> reserved;

    public TfjsConversion(OnnxGraph graph, IEnumerable<TfjsNode> source, IReadOnlyDictionary<string, TfjsTensor> weights, IEnumerable<string> reservedNames)
    {
        Graph = graph;
        this.weights = weights;
        reserved = new HashSet<string>(reservedNames, StringComparer.Ordinal);
        foreach (var node in source)
        {
            if (!nodes.TryAdd(node.Name, node))
            {
                throw new ModelConversionException($"The model has two nodes named '{node.Name}'.");
            }
        }
    }

    public OnnxGraph Graph { get; }

    public TfjsNode NodeOf(string reference)
    {
        var name = NodeName(reference);
        return nodes.TryGetValue(name, out var node)
            ? node
            : throw new ModelConversionException($"The model refers to a node '{name}' it does not define.");
    }

    public void Bind(string nodeName, TfjsValue value) => values[nodeName] = value;

    /// <summary>A name hint for an ONNX node that can never take one of the graph's input or output names.</summary>
    public string Hint(string name) => reserved.Contains(name) ? name + "_node" : name;

    /// <summary>The ONNX value of a node's output, converting the node and whatever it depends on first.</summary>
    public TfjsValue Value(string reference)
    {
        var node = NodeOf(reference);
        if (reference.Contains(':', StringComparison.Ordinal) && !reference.EndsWith(":0", StringComparison.Ordinal))
        {
            throw new ModelConversionException($"The model uses output '{reference}' of {node}; only first outputs are supported.");
        }

        if (!values.ContainsKey(node.Name))
        {
            ConvertUpTo(node);
        }

        return values[node.Name];
    }

    /// <summary>The weight a Const node holds, for ops that rearrange it or read it as attributes.</summary>
    public TfjsTensor Weight(string reference)
    {
        var node = NodeOf(reference);
        if (node.Op != "Const")
        {
            throw new ModelConversionException($"{node} is used where a constant is needed (a filter, shape, padding or axis).");
        }

        return weights.TryGetValue(node.Name, out var tensor)
            ? tensor
            : throw new ModelConversionException($"Constant '{node.Name}' is missing from the weights manifest.");
    }

    public int[] Ints(string reference) => Weight(reference).RequireInts();

    public TfjsValue ToNchw(TfjsValue value, string hint) =>
        new(Graph.Node("Transpose", [value.Name], hint + "_nchw", OnnxAttribute.Of("perm", ToNchwOrder)), Permute(value.Shape, ToNchwOrder));

    public TfjsValue ToNhwc(TfjsValue value, string hint) =>
        new(Graph.Node("Transpose", [value.Name], hint, OnnxAttribute.Of("perm", ToNhwcOrder)), Permute(value.Shape, ToNhwcOrder));

    private static long[]? Permute(long[]? shape, long[] order) =>
        shape is { Length: 4 } ? order.Select(axis => shape[axis]).ToArray() : null;

    private static string NodeName(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? reference : reference[..colon];
    }

    // Iterative depth-first walk: real models are a few hundred nodes deep, deep enough to make recursion a risk.
    private void ConvertUpTo(TfjsNode target)
    {
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(TfjsNode Node, bool InputsReady)>();
        stack.Push((target, false));
        while (stack.Count > 0)
        {
            var (node, inputsReady) = stack.Pop();
            if (values.ContainsKey(node.Name))
            {
                continue;
            }

            if (inputsReady)
            {
                values[node.Name] = ConvertNode(node);
                inProgress.Remove(node.Name);
                continue;
            }

            if (!inProgress.Add(node.Name))
            {
                throw new ModelConversionException($"The model's graph has a cycle through {node}.");
            }

            stack.Push((node, true));
            foreach (var input in node.Inputs)
            {
                var dependency = NodeOf(input);
                if (inProgress.Contains(dependency.Name))
                {
                    throw new ModelConversionException($"The model's graph has a cycle through {dependency}.");
                }

                // Constants are left to the op that reads them: it may want them as attributes, not tensors.
                if (!values.ContainsKey(dependency.Name) && dependency.Op != "Const")
                {
                    stack.Push((dependency, false));
                }
            }
        }
    }

    private TfjsValue ConvertNode(TfjsNode node) => node.Op switch
    {
        "Const" => ConstantValue(node),
        "Placeholder" => throw new ModelConversionException($"{node} is not an input of the model's signature."),
        _ => TfjsOps.Convert(this, node),
    };

    private TfjsValue ConstantValue(TfjsNode node)
    {
        var tensor = Weight(node.Name);
        if (tensor.Floats is null)
        {
            throw new ModelConversionException($"Int32 constant '{node.Name}' is used as a tensor; only float tensors flow through the converted graph.");
        }

        var shape = tensor.Shape.Select(d => (long)d).ToArray();
        return new TfjsValue(Graph.Constant(Hint(node.Name), tensor.Floats, shape), shape);
    }
}
