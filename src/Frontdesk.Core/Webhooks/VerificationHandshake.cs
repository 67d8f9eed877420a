using System.Security.Cryptography;
using System.Text;

namespace Frontdesk.Core.Webhooks;

/// <summary>Meta's GET handshake: <c>hub.mode=subscribe</c> and the right <c>hub.verify_token</c> earn the challenge back.</summary>
public static class VerificationHandshake
{
    /// <summary>The challenge to answer with, or null when the request must be refused (403).</summary>
    public static string? Answer(string? mode, string? verifyToken, string? challenge, string expectedToken)
    {
        ArgumentNullException.ThrowIfNull(expectedToken);
        if (!string.Equals(mode, "subscribe", StringComparison.Ordinal)
            || challenge is null
            || expectedToken.Length == 0
            || verifyToken is null)
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(verifyToken),
            Encoding.UTF8.GetBytes(expectedToken));
        return matches ? challenge : null;
    }
}
