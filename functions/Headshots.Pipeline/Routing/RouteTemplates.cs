namespace Headshots.Pipeline.Routing;

/// <summary>
/// The routes of <see cref="StudioRoutes"/> as constants, so the Functions triggers' attributes name the same text
/// (an attribute argument must be a constant).
/// </summary>
public static class RouteTemplates
{
    public const string StartPage = "";
    public const string WebAsset = "assets/{file}";
    public const string ShootStatusPage = "s/{id}";
    public const string CreateShoot = "api/shoots";
    public const string GetShootStatus = "api/shoots/{id}";
    public const string ShootReplacements = "api/shoots/{id}/replacements";
    public const string ShootResendEmail = "api/shoots/{id}/resend";
    public const string ShootReshoot = "api/shoots/{id}/reshoot";
    public const string ShootDelete = "api/shoots/{id}/delete";
    public const string GalleryPage = "g/{token}";
    public const string GalleryImage = "g/{token}/img/{file}";
    public const string GalleryZip = "g/{token}/zip";
    public const string GalleryDelete = "g/{token}/delete";
    public const string CreateRefine = "g/{token}/refine";
    public const string GetRefineStatus = "g/{token}/refine/{refineId}";
}
