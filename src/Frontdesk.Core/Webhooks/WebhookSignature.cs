using System.Security.Cryptography;

namespace Frontdesk.Core.Webhooks;

/// <summary>
/// Meta's webhook signature: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body bytes keyed with the app secret.
/// Fails closed, compares in constant time, accepts hex in either case, and any one of several secrets (rotation).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int DigestBytes = 32;

    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, AppSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            return SignatureCheck.NoSecretConfigured;
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.MissingSignature;
        }

        Span<byte> claimed = stackalloc byte[DigestBytes];
        if (!TryDecode(header.AsSpan().Trim(), claimed))
        {
            return SignatureCheck.MalformedSignature;
        }

        Span<byte> computed = stackalloc byte[DigestBytes];
        var matched = false;
        foreach (var secret in secrets.Keys)
        {
            HMACSHA256.HashData(secret.Span, body, computed);

            // No early exit: every configured secret costs the same time whether or not an earlier one matched.
            matched |= CryptographicOperations.FixedTimeEquals(computed, claimed);
        }

        CryptographicOperations.ZeroMemory(computed);
        return matched ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Meta would send for <paramref name="body"/> (tests, tools).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    private static bool TryDecode(ReadOnlySpan<char> header, Span<byte> digest)
    {
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header[Prefix.Length..];
        if (hex.Length != DigestBytes * 2)
        {
            return false;
        }

        return Convert.FromHexString(hex, digest, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == DigestBytes;
    }
}
