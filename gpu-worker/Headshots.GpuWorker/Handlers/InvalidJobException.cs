namespace Headshots.GpuWorker.Handlers;

/// <summary>A job that can never succeed (missing input, unknown look): it fails at once instead of being retried.</summary>
public sealed class InvalidJobException(string message) : Exception(message);
