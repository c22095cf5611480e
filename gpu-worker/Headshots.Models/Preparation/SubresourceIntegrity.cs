using System.Security.Cryptography;

namespace Headshots.Models.Preparation;

/// <summary>The <c>sha512-BASE64</c> form npm records for every tarball.</summary>
public static class SubresourceIntegrity
{
    public static string Sha512Of(string file)
    {
        using var stream = File.OpenRead(file);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }

    public static string Sha256HexOf(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(actual));
}
