namespace Headshots.Engines.Onnx;

/// <summary>A prepared model is missing or does not match its record; the message says how to prepare it.</summary>
public sealed class ModelMissingException(string message) : Exception(message);
