namespace Headshots.Pipeline.Orchestrations;

/// <summary>The shoot cannot go on; the message is what the person is told.</summary>
public sealed class ShootStoppedException(string message) : Exception(message);
