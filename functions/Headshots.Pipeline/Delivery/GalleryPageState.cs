namespace Headshots.Pipeline.Delivery;

/// <summary>What the live gallery page shows beyond the manifest: the refine form and refinements in progress.</summary>
/// <param name="RefineAction">Where the refine form posts ("/g/{token}/refine").</param>
/// <param name="GenerativeEditsAvailable">Whether hair, expression, outfit and scene edits can be asked for (the cloud editing engine is configured).</param>
/// <param name="Refinements">The gallery's refinements not yet in it: waiting, running, refused or failed, newest first.</param>
/// <param name="ZipUrl">Where the whole gallery downloads as one ZIP ("/g/{token}/zip").</param>
/// <param name="DeleteAction">Where the "delete everything" form posts ("/g/{token}/delete").</param>
/// <param name="Email">Where the email with this gallery's link stands (pending, sent, given up), in plain words.</param>
/// <param name="Order">The shoots "delete everything" erases with this one (the order and its reshoots), listed before confirming.</param>
/// <param name="ErasedOn">When retention erases the gallery with everything else of the shoot.</param>
public sealed record GalleryPageState(string RefineAction, bool GenerativeEditsAvailable, IReadOnlyList<RefinementNotice> Refinements, string? ZipUrl = null,
    string? DeleteAction = null, Api.EmailStatus? Email = null, IReadOnlyList<Storage.OrderShoot>? Order = null, DateTimeOffset? ErasedOn = null);

/// <param name="Done">False while it is waiting or running (the page then watches it).</param>
/// <param name="StatusUrl">Its JSON status ("/g/{token}/refine/{id}"), which the page's script polls.</param>
public sealed record RefinementNotice(string ImageId, string Changes, string Status, bool Done, string? Message, string? StatusUrl = null);
