using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Editing;

namespace Headshots.Pipeline.Orchestrations;

/// <summary>
/// The generative engine's running account inside one shoot: the budget (a call's expected cost is reserved before it
/// is made and settled at what it cost, so concurrent calls cannot overspend) and what became of each candidate.
/// Only orchestrator code touches it, which runs one continuation at a time and replays in the same order.
/// </summary>
internal sealed class GenerationTally(GenerationSettings settings, int planned)
{
    decimal spent;
    decimal reserved;
    int calls;
    int passed;
    int regenerated;
    int drifted;
    int failed;
    int skippedForBudget;
    int skippedForDailyBudget;
    bool dailyBudgetSpent;
    string? failureMessage;

    /// <summary>Reserves <paramref name="estimate"/> if the budget still has it; false once the shoot's or the studio's daily budget is reached.</summary>
    public bool TryReserve(decimal estimate)
    {
        if (dailyBudgetSpent || spent + reserved + estimate > settings.MaxCost) return false;
        reserved += estimate;
        calls++;
        return true;
    }

    /// <summary>Replaces the reservation by what the call cost (nothing when it failed).</summary>
    public void Settle(decimal estimate, decimal cost)
    {
        reserved -= estimate;
        spent += cost;
    }

    /// <summary>A candidate not generated because <see cref="TryReserve"/> refused it: counted under whichever budget was reached.</summary>
    public void SkippedForBudget()
    {
        if (dailyBudgetSpent) skippedForDailyBudget++;
        else skippedForBudget++;
    }

    /// <summary>
    /// The studio's daily budget refused a call (it was not made): its reservation is released, and no further candidate
    /// of this shoot is generated.
    /// </summary>
    public void DailyBudgetSpent(decimal estimate)
    {
        reserved -= estimate;
        calls--;
        dailyBudgetSpent = true;
        skippedForDailyBudget++;
    }

    public void Passed(bool afterRegenerating)
    {
        passed++;
        if (afterRegenerating) regenerated++;
    }

    public void Drifted() => drifted++;

    public void Failed(GenerativeEditFailure failure, string? message)
    {
        failed++;
        failureMessage ??= message ?? GenerativeEditMessages.For(failure);
    }

    public GenerationSummary Summary(IReadOnlyList<string> looksToppedUp) =>
        new(settings.Engine, planned, calls, passed, regenerated, drifted, failed, skippedForBudget, spent, settings.MaxCost, settings.Currency,
            looksToppedUp, failureMessage, skippedForDailyBudget);
}
