using System.Reflection;
using Headshots.Functions.Orchestrations;
using Headshots.Pipeline.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Headshots.Functions.Tests;

/// <summary>
/// The Functions app's HTTP triggers are attributes (the host routes by them); the local host maps
/// <see cref="StudioRoutes"/>. These tests hold the attributes to that table, so both hosts answer the same routes.
/// </summary>
public sealed class HttpTriggerTableTests
{
    sealed record Trigger(string FunctionName, string Route, string[] Methods, AuthorizationLevel AuthLevel, bool BindsDurableClient);

    static IReadOnlyList<Trigger> HttpTriggers() =>
        typeof(ShootFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Parameters: m.GetParameters()))
            .Select(x => (x.Function, x.Parameters, Http: x.Parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault()))
            .Where(x => x.Function is not null && x.Http is not null)
            .Select(x => new Trigger(x.Function!.Name, x.Http!.Route ?? x.Function.Name, x.Http.Methods ?? [], x.Http.AuthLevel,
                x.Parameters.Any(p => p.GetCustomAttribute<DurableClientAttribute>() is not null)))
            .ToList();

    [Fact]
    public void HttpTriggers_EveryTableEntry_HasATriggerOfItsNameRouteAndMethod()
    {
        var triggers = HttpTriggers().ToDictionary(t => t.FunctionName);

        Assert.All(StudioRoutes.All, route =>
        {
            Assert.True(triggers.TryGetValue(route.FunctionName, out var trigger), $"StudioRoutes has {route.FunctionName}, but the Functions app has no HTTP trigger of that name.");
            Assert.Equal(route.Template, trigger.Route);
            Assert.Equal([route.Method], trigger.Methods, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
        });
    }

    [Fact]
    public void HttpTriggers_EveryTrigger_IsATableEntry()
    {
        var table = StudioRoutes.All.Select(r => r.FunctionName).ToHashSet();

        Assert.All(HttpTriggers(), t => Assert.True(table.Contains(t.FunctionName), $"The HTTP trigger {t.FunctionName} ({t.Route}) is not in StudioRoutes: the local host would not serve it."));
    }

    [Fact]
    public void HttpTriggers_DurableClient_BoundExactlyWhereTheTableUsesOne()
    {
        var triggers = HttpTriggers().ToDictionary(t => t.FunctionName);

        Assert.All(StudioRoutes.All, route => Assert.True(route.UsesDurableClient == triggers[route.FunctionName].BindsDurableClient,
            $"{route.FunctionName}: the table says UsesDurableClient={route.UsesDurableClient}, the trigger {(triggers[route.FunctionName].BindsDurableClient ? "binds" : "does not bind")} [DurableClient]."));
    }

    [Fact]
    public void StudioRoutes_NamesAndRoutes_AreEachUsedOnce()
    {
        Assert.Equal(StudioRoutes.All.Count, StudioRoutes.All.Select(r => r.FunctionName).Distinct().Count());
        Assert.Equal(StudioRoutes.All.Count, StudioRoutes.All.Select(r => (r.Method, r.Template)).Distinct().Count());
    }
}
