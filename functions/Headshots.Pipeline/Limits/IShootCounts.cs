namespace Headshots.Pipeline.Limits;

/// <summary>What the shoots table says about the shoots in flight and the shoots an email address started.</summary>
public interface IShootCounts
{
    /// <summary>Shoots running, and shoots waiting for an upload created after <paramref name="uploadsOpenSince"/> (older links no longer work).</summary>
    Task<int> InFlightAsync(DateTimeOffset uploadsOpenSince, CancellationToken cancellationToken);

    /// <summary>When each shoot for <paramref name="email"/> (any case) created after <paramref name="since"/> was created.</summary>
    Task<IReadOnlyList<DateTimeOffset>> StartedByAsync(string email, DateTimeOffset since, CancellationToken cancellationToken);
}
