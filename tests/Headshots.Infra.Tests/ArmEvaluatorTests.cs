namespace Headshots.Infra.Tests;

/// <summary>The test evaluator itself: it must be able to say "no", and must not make up what only Azure knows.</summary>
public sealed class ArmEvaluatorTests
{
    private const string Template = """
        {
          "parameters": {
            "engine": { "type": "string", "defaultValue": "", "allowedValues": [ "", "a", "b" ] },
            "flag": { "type": "bool", "defaultValue": false }
          },
          "variables": {
            "chosen": "[if(empty(parameters('engine')), if(parameters('flag'), 'b', 'a'), parameters('engine'))]"
          },
          "resources": []
        }
        """;

    private static ArmEvaluator With(params (string Name, object? Value)[] parameters) =>
        new(ArmTemplate.FromJson(Template), parameters.ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public void Variables_FollowParametersAndDefaults()
    {
        Assert.Equal("a", With().Evaluate("[variables('chosen')]"));
        Assert.Equal("b", With(("flag", true)).Evaluate("[variables('chosen')]"));
        Assert.Equal("a", With(("flag", true), ("engine", "a")).Evaluate("[variables('chosen')]"));
    }

    [Fact]
    public void If_EvaluatesOnlyTheBranchItTakes()
    {
        Assert.Equal("kept", With().Evaluate("[if(true(), 'kept', fail('not reached'))]"));
        Assert.Equal("not reached", Assert.Throws<ArmDeploymentFailure>(() => With().Evaluate("[if(false(), 'kept', fail('not reached'))]")).Message);
    }

    [Fact]
    public void Parameter_OutsideAllowedValues_IsRefused()
    {
        Assert.Throws<ArmDeploymentFailure>(() => With(("engine", "c")).Evaluate("[parameters('engine')]"));
    }

    [Fact]
    public void DeploymentValues_AreUnknownAndSpread()
    {
        var evaluator = With();

        Assert.Same(ArmEvaluator.Unknown, evaluator.Evaluate("[format('{0}/x', subscription().id)]"));
        Assert.Same(ArmEvaluator.Unknown, evaluator.Evaluate("[equals(uniqueString('a'), 'a')]"));
        var settings = Assert.IsType<Dictionary<string, object?>>(evaluator.Evaluate("[union(createObject('A', resourceId('T', 'n')), createObject('B', concat('x', 'y')))]"));
        Assert.Same(ArmEvaluator.Unknown, settings["A"]);
        Assert.Equal("xy", settings["B"]);
    }

    [Fact]
    public void UnimplementedFunction_Throws()
    {
        Assert.Throws<NotSupportedException>(() => With().Evaluate("[dateTimeAdd('2026-01-01', 'P1D')]"));
    }
}
