using System.Security.Cryptography;
using System.Text;

namespace Headshots.Pipeline.Storage;

/// <summary>
/// 256-bit URL-safe tokens (gallery links, status pages). Only a token's SHA-256 is stored, so a leaked table opens
/// nothing, and a stored hash is compared in constant time.
/// </summary>
public static class SecretTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> is the one whose hash was stored; false for anything malformed.</summary>
    public static bool Matches(string? storedHash, string? token) =>
        storedHash is not null && LooksLikeToken(token)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(token!)));
}
