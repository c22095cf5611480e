using Headshots.Pipeline.Refine;

namespace Headshots.Pipeline.Editing;

/// <summary>What a person is told when a cloud edit is not made; the deployment guide quotes these.</summary>
public static class GenerativeEditMessages
{
    public const string Throttled =
        "The cloud editing service is busy right now and asked us to slow down. We tried several times; please ask for this change again in a few minutes.";

    public const string ContentFiltered =
        "The cloud editing service declined this change because its safety filter flagged the request or the photo. " +
        "Try describing the change differently, for example a plainer hairstyle, expression, outfit or setting.";

    public const string QuotaExceeded =
        "The studio has used up its allowance on the cloud editing service, so this change could not be made. " +
        "The studio's owner needs to raise the quota; your gallery is unchanged.";

    public const string TimedOut =
        "The cloud editing service took too long to answer, several times. Please try again later; your gallery is unchanged.";

    public const string ServerError =
        "The cloud editing service had a problem on its side, several times. Please try again later; your gallery is unchanged.";

    public const string Invalid =
        "This change could not be sent to the cloud editing service as asked. Try a shorter or simpler description.";

    public const string NotAuthorized =
        "The studio is not allowed to use its cloud editing service (a setup problem on the studio's side). Your gallery is unchanged.";

    public const string DailyBudgetReached =
        "The studio has spent today's budget for its cloud image service, so this change was not made. Please ask again tomorrow; your gallery is unchanged.";

    public static string For(GenerativeEditFailure failure) => failure switch
    {
        GenerativeEditFailure.None => "",
        GenerativeEditFailure.Throttled => Throttled,
        GenerativeEditFailure.ContentFiltered => ContentFiltered,
        GenerativeEditFailure.QuotaExceeded => QuotaExceeded,
        GenerativeEditFailure.TimedOut => TimedOut,
        GenerativeEditFailure.ServerError => ServerError,
        GenerativeEditFailure.Invalid => Invalid,
        GenerativeEditFailure.NotAuthorized => NotAuthorized,
        GenerativeEditFailure.NotConfigured => RefineMessages.GenerativeEditsNeedCloud,
        GenerativeEditFailure.DailyBudgetReached => DailyBudgetReached,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
