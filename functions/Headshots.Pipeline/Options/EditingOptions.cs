using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>Which engine makes the edits that need a generative model (hair, expression, outfit, scene).</summary>
public sealed class EditingOptions
{
    public const string Section = "Editing";

    public const string Local = "local";
    public const string AzureOpenAi = "azure-openai";

    /// <summary>
    /// "local" (the default, no cloud): clothes, background and face retouch only. "azure-openai" adds hairstyle,
    /// expression, outfit and scene edits through an Azure OpenAI image model.
    /// </summary>
    [RegularExpression("^(local|azure-openai)$", ErrorMessage = "Editing:Engine must be 'local' or 'azure-openai'.")]
    public string Engine { get; set; } = Local;

    public bool GenerativeEditsAvailable => Engine == AzureOpenAi;
}
