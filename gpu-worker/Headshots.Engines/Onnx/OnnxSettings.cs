namespace Headshots.Engines.Onnx;

/// <summary>Where the prepared models are and how to run them.</summary>
/// <param name="ModelsFolder">The folder <c>models fetch</c> wrote (<c>{id}.onnx</c> with <c>{id}.json</c> records).</param>
/// <param name="ExecutionProvider">"cpu", or "cuda" to use the GPU when the CUDA provider can start (CPU otherwise, logged).</param>
/// <param name="IntraOpThreads">Threads per inference; 0 means one per core.</param>
public sealed record OnnxSettings(string ModelsFolder, string ExecutionProvider = "cpu", int IntraOpThreads = 0);
