using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask.Client;

namespace Headshots.Pipeline.Api;

/// <summary>What POST /api/shoots/{id}/delete answers a JSON client (<c>./headshots delete</c>).</summary>
/// <param name="Erased">Every shoot erased: the order's first shoot and its reshoots.</param>
public sealed record ShootDeleteResponse(string ShootId, IReadOnlyList<string> Erased, string Message);

/// <summary>
/// POST /api/shoots/{id}/delete?t=… with confirm=yes (the status page's form, or JSON): erases the shoot and every other
/// shoot of its order, whatever their state; one still running is cancelled first. The status token opens it even once
/// expired: whoever holds the link may always erase what it shows.
/// </summary>
public sealed class ShootDeleteApi(ShootStore shoots, OrderEraser orderEraser)
{
    public async Task<ApiResponse> DeleteAsync(string shootId, string? token, string? contentType, string? body, DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var form = contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var back = $"/s/{shootId}?t={Uri.EscapeDataString(token ?? "")}";
        var row = UploadLayout.IsValidShootId(shootId) && SecretTokens.LooksLikeToken(token) ? await shoots.GetAsync(shootId, cancellationToken) : null;
        if (row is null || !SecretTokens.Matches(row.StatusTokenHash, token))
        {
            return Answer(404, "No such shoot, or the status token is missing or wrong",
                "Ask with the shoot's status token: POST /api/shoots/{id}/delete?t=TOKEN (the t of the status link); a shoot already deleted has none.", "/");
        }
        if (body is null) return Answer(413, "The request is too large", "Send only the confirmation.", back);
        var (fields, readError) = RefineRequestReader.Read(contentType, body);
        if (fields is null) return Answer(415, "The request cannot be read", readError!, back);
        if (!string.Equals(fields.GetValueOrDefault(GalleryApi.ConfirmField)?.Trim(), "yes", StringComparison.Ordinal))
        {
            return Answer(400, "Nothing was deleted", $"Confirm that you understand (\"{GalleryApi.ConfirmField}\" must be \"yes\"): deleting cannot be undone.", back);
        }
        var erased = await orderEraser.EraseAsync(row, client, cancellationToken);
        var message = $"Your uploaded photos, your likeness profile, every headshot and version, and the links of {GalleryApi.Shoots(erased.Count)} are gone " +
                      "from the studio. Copies you downloaded are yours to keep.";
        return form
            ? ApiResponse.Page(200, GalleryPageRenderer.RenderMessage("Everything is deleted", message, "/", "Start a new shoot"))
            : ApiResponse.FromJson(200, new ShootDeleteResponse(shootId, erased.Select(s => s.ShootId).ToList(), message));

        ApiResponse Answer(int status, string title, string detail, string link) => form
            ? ApiResponse.Page(status, GalleryPageRenderer.RenderMessage(title, detail, link, link == "/" ? "Start a new shoot" : "Back to your shoot"))
            : ApiResponse.Problem(status, title, detail);
    }
}
