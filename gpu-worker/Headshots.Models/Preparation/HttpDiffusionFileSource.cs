namespace Headshots.Models.Preparation;

/// <summary>
/// Files over HTTPS from a model mirror given at run time (<see cref="MirrorVariable"/>, for example the container
/// build's argument): <c>{mirror}/{repository}/resolve/{revision}/{path}</c>. No host is written in the code.
/// </summary>
public sealed class HttpDiffusionFileSource(HttpClient http, string mirror) : IDiffusionFileSource
{
    public const string MirrorVariable = "HEADSHOTS_MODEL_MIRROR";

    public async Task<Stream> OpenAsync(string repository, string revision, string path, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync(new Uri($"{mirror.TrimEnd('/')}/{repository}/resolve/{revision}/{path}"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }
}
