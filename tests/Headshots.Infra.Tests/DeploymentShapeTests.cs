using System.Globalization;
using Headshots.GpuWorker.Processing;
using Headshots.Pipeline.Options;

namespace Headshots.Infra.Tests;

/// <summary>
/// The two shapes of `azd up` (issue 13), evaluated from the compiled template with the parameters azd passes:
/// the default, which must deploy in any subscription (no limited-access image model, no GPU quota), and the
/// opt-ins (`azd env set AZURE_OPENAI_DEPLOY true`, `azd env set GPU_WORKLOAD_PROFILE_TYPE …`), which switch the
/// engines and the worker's execution provider.
/// </summary>
public sealed class DeploymentShapeTests
{
    private const string T4 = "Consumption-GPU-NC8as-T4";
    private const string A100 = "Consumption-GPU-NC24-A100";

    [Fact]
    public void DefaultShape_NewEnvironment_DeploysNoImageModelAndNoGpuProfile()
    {
        var shape = DeploymentShape.For();

        Assert.False(shape.ImageModelDeployed);
        Assert.False(shape.IdentityHoldsOpenAiRole);
        Assert.Equal([("Consumption", "Consumption")], shape.WorkloadProfiles);
        Assert.Equal("Consumption", shape.WorkerProfileName);
    }

    [Fact]
    public void DefaultShape_NewEnvironment_RunsTheCodeDefaults()
    {
        var shape = DeploymentShape.For();
        var settings = shape.FunctionAppSettings;

        // The default shape is the code's default configuration: reframe, local edits, the CPU provider.
        Assert.Equal(new GenerationOptions().Engine, settings["Generation__Engine"]);
        Assert.Equal(GenerationOptions.Reframe, settings["Generation__Engine"]);
        Assert.Equal(new EditingOptions().Engine, settings["Editing__Engine"]);
        Assert.Equal(EditingOptions.Local, settings["Editing__Engine"]);
        Assert.Equal(new GenerationOptions().MaxCostPerShoot.ToString(CultureInfo.InvariantCulture), settings["Generation__MaxCostPerShoot"]);
        Assert.Equal(new WorkerOptions().ExecutionProvider, shape.WorkerSettings["Worker__ExecutionProvider"]);
        Assert.Equal("cpu", shape.WorkerSettings["Worker__ExecutionProvider"]);
        Assert.Equal("", settings["AzureOpenAI__Endpoint"]);
        Assert.Equal("", settings["AzureOpenAI__Deployment"]);
    }

    [Fact]
    public void DefaultShape_Worker_GetsTheMostAConsumptionReplicaMayHave()
    {
        var resources = DeploymentShape.For().WorkerResources;

        // Consumption allows up to 4 vCPU with 8 GiB (2 GiB per vCPU).
        Assert.Equal(4m, Convert.ToDecimal(resources["cpu"], CultureInfo.InvariantCulture));
        Assert.Equal("8Gi", resources["memory"]);
    }

    [Theory]
    [InlineData(T4, "8.0", "56Gi")]
    [InlineData(A100, "24.0", "220Gi")]
    public void OptIns_ImageModelAndGpuProfile_SwitchEnginesAndProvider(string profile, string cpu, string memory)
    {
        var shape = DeploymentShape.For(("AZURE_OPENAI_DEPLOY", "true"), ("GPU_WORKLOAD_PROFILE_TYPE", profile));
        var settings = shape.FunctionAppSettings;

        Assert.True(shape.ImageModelDeployed);
        Assert.Equal([("Consumption", "Consumption"), ("gpu", profile)], shape.WorkloadProfiles);
        Assert.Equal("gpu", shape.WorkerProfileName);
        Assert.Equal(decimal.Parse(cpu, CultureInfo.InvariantCulture), Convert.ToDecimal(shape.WorkerResources["cpu"], CultureInfo.InvariantCulture));
        Assert.Equal(memory, shape.WorkerResources["memory"]);
        Assert.Equal("cuda", shape.WorkerSettings["Worker__ExecutionProvider"]);
        Assert.Equal("cuda", settings["Worker__ExecutionProvider"]);
        Assert.Equal(GenerationOptions.AzureOpenAi, settings["Generation__Engine"]);
        Assert.Equal(EditingOptions.AzureOpenAi, settings["Editing__Engine"]);
        // The endpoint is known only once the account exists; the deployment's name is the parameter's.
        Assert.Same(ArmEvaluator.Unknown, settings["AzureOpenAI__Endpoint"]);
        Assert.Equal("image-edit", settings["AzureOpenAI__Deployment"]);
    }

    [Fact]
    public void OptIns_EachAlone_ChangesOnlyItsOwnPart()
    {
        var gpuOnly = DeploymentShape.For(("GPU_WORKLOAD_PROFILE_TYPE", T4));
        var modelOnly = DeploymentShape.For(("AZURE_OPENAI_DEPLOY", "true"));

        Assert.False(gpuOnly.ImageModelDeployed);
        Assert.Equal("cuda", gpuOnly.WorkerSettings["Worker__ExecutionProvider"]);
        Assert.Equal(GenerationOptions.Reframe, gpuOnly.FunctionAppSettings["Generation__Engine"]);
        Assert.Equal(EditingOptions.Local, gpuOnly.FunctionAppSettings["Editing__Engine"]);

        Assert.True(modelOnly.ImageModelDeployed);
        Assert.Equal([("Consumption", "Consumption")], modelOnly.WorkloadProfiles);
        Assert.Equal("cpu", modelOnly.WorkerSettings["Worker__ExecutionProvider"]);
        Assert.Equal(GenerationOptions.AzureOpenAi, modelOnly.FunctionAppSettings["Generation__Engine"]);
        Assert.Equal(EditingOptions.AzureOpenAi, modelOnly.FunctionAppSettings["Editing__Engine"]);
    }

    [Fact]
    public void ExplicitEngines_WithTheImageModel_Win()
    {
        var settings = DeploymentShape.For(
            ("AZURE_OPENAI_DEPLOY", "true"), ("GENERATION_ENGINE", "reframe"), ("EDITING_ENGINE", "local")).FunctionAppSettings;

        Assert.Equal(GenerationOptions.Reframe, settings["Generation__Engine"]);
        Assert.Equal(EditingOptions.Local, settings["Editing__Engine"]);
    }

    [Fact]
    public void Limits_DefaultShape_ArePublicWithTheCodesFigures()
    {
        var settings = DeploymentShape.For().FunctionAppSettings;
        var limits = new LimitsOptions();

        Assert.Equal(Text(limits.RequestsPerWindow), settings["Limits__RequestsPerWindow"]);
        Assert.Equal(Text(limits.MaxShootsInFlight), settings["Limits__MaxShootsInFlight"]);
        Assert.Equal(Text(limits.MaxShootsPerEmailPerDay), settings["Limits__MaxShootsPerEmailPerDay"]);
        Assert.Equal(limits.DailyGenerationBudget.ToString(CultureInfo.InvariantCulture), settings["Limits__DailyGenerationBudget"]);
        Assert.Equal("", settings["Studio__AccessCode"]);

        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void PrivateStudio_SetInTheEnvironment_ReadsTheAccessCodeFromKeyVaultNeverAsAValue()
    {
        var settings = DeploymentShape.For(("PRIVATE_STUDIO", "true"), ("LIMITS_MAX_SHOOTS_PER_EMAIL_PER_DAY", "2"), ("GENERATION_DAILY_BUDGET", "12.5"))
            .FunctionAppSettings;

        // Made from the vault's address, which only the deployment knows (its form is checked in ConfigurationContractTests).
        Assert.Same(ArmEvaluator.Unknown, settings["Studio__AccessCode"]);
        Assert.Equal(("2", "12.5"), (settings["Limits__MaxShootsPerEmailPerDay"], settings["Limits__DailyGenerationBudget"]));
    }

    [Fact]
    public void Budget_SetInTheEnvironment_ReachesTheSetting()
    {
        var settings = DeploymentShape.For(("GENERATION_MAX_COST_PER_SHOOT", "2.5")).FunctionAppSettings;

        Assert.Equal("2.5", settings["Generation__MaxCostPerShoot"]);
    }

    [Theory]
    [InlineData("GENERATION_ENGINE")]
    [InlineData("EDITING_ENGINE")]
    public void CloudEngine_WithoutTheImageModel_FailsTheDeploymentWithTheFix(string variable)
    {
        var failure = Assert.Throws<ArmDeploymentFailure>(() =>
            DeploymentShape.For((variable, "azure-openai")).FunctionAppSettings);

        Assert.Contains(variable + "=azure-openai needs the image model", failure.Message, StringComparison.Ordinal);
        Assert.Contains("azd env set AZURE_OPENAI_DEPLOY true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudEngine_FailureIsAVariable_SoArmStopsAtValidation()
    {
        // ARM evaluates a template's variables before it creates anything; a fail() reached only from a module's
        // inputs would stop the deployment halfway instead.
        foreach (var name in new[] { "effectiveGenerationEngine", "effectiveEditingEngine" })
        {
            var text = ArmTemplate.Main.Root.Variables[name]?.GetValue<string>() ?? "";
            Assert.Contains("fail(", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("GENERATION_ENGINE", "onnx-diffusion")]
    [InlineData("GENERATION_ENGINE", "dall-e")]
    [InlineData("EDITING_ENGINE", "reframe")]
    [InlineData("GPU_WORKLOAD_PROFILE_TYPE", "Dedicated-D4")]
    public void Parameters_OutsideTheirAllowedValues_AreRefused(string variable, string value)
    {
        var failure = Assert.Throws<ArmDeploymentFailure>(() => DeploymentShape.For((variable, value)).FunctionAppSettings);

        Assert.Contains("is not an allowed value", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, T4)]
    public void EvaluatedSettings_BothShapes_AreExactlyTheContract(bool imageModel, string? profile)
    {
        var set = new List<(string, string)> { ("AZURE_OPENAI_DEPLOY", imageModel ? "true" : "false") };
        if (profile is not null)
        {
            set.Add(("GPU_WORKLOAD_PROFILE_TYPE", profile));
        }

        var shape = DeploymentShape.For([.. set]);

        // The evaluated keys agree with the contract that ConfigurationContractTests reads from the expressions
        // (whose key pattern leaves out the platform switch AzureWebJobsDisableHomepage).
        Assert.Equal(ConfigurationContractTests.ExpectedFunctionAppSettings.Order(StringComparer.Ordinal),
            shape.FunctionAppSettings.Keys.Where(key => key != "AzureWebJobsDisableHomepage").Order(StringComparer.Ordinal));
        Assert.Equal(ConfigurationContractTests.ExpectedWorkerSettings.Order(StringComparer.Ordinal),
            shape.WorkerSettings.Keys.Order(StringComparer.Ordinal));
    }
}
