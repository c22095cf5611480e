using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Headshots.Web.Tests;

/// <summary>An axe-core scan of the page as it is now.</summary>
public static class Accessibility
{
    /// <returns>Each serious or critical violation as "rule: help (targets)"; empty when there are none.</returns>
    public static async Task<IReadOnlyList<string>> SeriousOrCriticalAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
    }
}
