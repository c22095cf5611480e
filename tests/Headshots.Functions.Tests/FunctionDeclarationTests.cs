using System.Reflection;
using Headshots.Functions.Orchestrations;
using Headshots.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Headshots.Functions.Tests;

/// <summary>
/// The Functions app declares each orchestrator and activity by hand (class-based discovery is unreliable there);
/// these tests keep those declarations and the local runtime's registry naming the very same tasks.
/// </summary>
public sealed class FunctionDeclarationTests
{
    static readonly Assembly FunctionsApp = typeof(ShootFunctions).Assembly;

    static IReadOnlyDictionary<string, MethodInfo> DeclaredFunctions() =>
        FunctionsApp.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToDictionary(x => x.Attribute!.Name, x => x.Method);

    static IReadOnlyList<Type> RegisteredTaskTypes() =>
        typeof(PipelineServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (IsSubclassOfGeneric(t, typeof(TaskActivity<,>)) || IsSubclassOfGeneric(t, typeof(TaskOrchestrator<,>))))
            .ToList();

    static bool IsSubclassOfGeneric(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic) return true;
        }
        return false;
    }

    [Fact]
    public void EveryPipelineTask_IsDeclaredAsAFunctionOfTheSameName()
    {
        var declared = DeclaredFunctions();

        Assert.All(RegisteredTaskTypes(), t => Assert.True(declared.ContainsKey(t.Name), $"{t.Name} has no [Function(\"{t.Name}\")] in the Functions app."));
    }

    [Fact]
    public void EveryPipelineTask_IsInTheLocalRuntimeRegistry()
    {
        // The registry refuses a second task of the same name: that refusal proves the first registration.
        foreach (var type in RegisteredTaskTypes())
        {
            var registry = new DurableTaskRegistry().AddHeadshotTasks();
            Action again = IsSubclassOfGeneric(type, typeof(TaskActivity<,>))
                ? () => registry.AddActivity(type)
                : () => registry.AddOrchestrator(type);
            Assert.Throws<ArgumentException>(again);
        }
    }

    [Fact]
    public void ActivityFunctions_TakeTheActivitysInputType()
    {
        var declared = DeclaredFunctions();

        foreach (var activity in RegisteredTaskTypes().Where(t => IsSubclassOfGeneric(t, typeof(TaskActivity<,>))))
        {
            var input = activity.BaseType!.GetGenericArguments()[0];
            var trigger = declared[activity.Name].GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
            Assert.Equal(input, trigger.ParameterType);
        }
    }

    [Fact]
    public void RetentionTimer_IsDeclaredToRunHourlyWithADurableClient()
    {
        var method = DeclaredFunctions()["RetentionTimer"];

        var timer = method.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).OfType<TimerTriggerAttribute>().Single();
        Assert.Equal("0 17 * * * *", timer.Schedule);
        Assert.Contains(method.GetParameters(), p => p.GetCustomAttribute<DurableClientAttribute>() is not null);
    }
}
