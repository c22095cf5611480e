namespace Headshots.Pipeline.Intake;

/// <summary>The content of uploads/{shootId}/order.json, as a client writes it.</summary>
public sealed record ShootOrder(string Email, string? Name, IReadOnlyList<string> Looks);
