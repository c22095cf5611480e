using System.Security.Cryptography;
using System.Text;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Limits;

/// <summary>Studio:AccessCode: a private studio starts shoots only for whoever knows the code.</summary>
public sealed class StudioAccess(IOptions<StudioOptions> options)
{
    /// <summary>The request header the start page and the CLI send the code in.</summary>
    public const string Header = "X-Studio-Access-Code";

    public bool Required => options.Value.IsPrivate;

    /// <summary>
    /// Whether <paramref name="code"/> opens the studio (always, for a public one). Compared in constant time over
    /// SHA-256 digests, so neither the content nor the length of the code leaks through timing.
    /// </summary>
    public bool Admits(string? code)
    {
        if (!Required) return true;
        if (code is null) return false;
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AccessCode!));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(code));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
