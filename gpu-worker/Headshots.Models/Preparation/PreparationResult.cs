namespace Headshots.Models.Preparation;

/// <param name="Prepared">False when the model was already prepared and intact, so nothing was done.</param>
public sealed record PreparationResult(PreparedModel Model, bool Prepared, TimeSpan Elapsed);
