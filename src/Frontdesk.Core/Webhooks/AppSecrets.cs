using System.Text;

namespace Frontdesk.Core.Webhooks;

/// <summary>
/// The app secrets webhooks may be signed with: the setting <c>WhatsApp__AppSecret</c>, comma-separated so a new
/// secret can be added before the old one is removed (rotation without downtime).
/// </summary>
public sealed class AppSecrets
{
    private AppSecrets(IReadOnlyList<ReadOnlyMemory<byte>> keys) => Keys = keys;

    public IReadOnlyList<ReadOnlyMemory<byte>> Keys { get; }

    public int Count => Keys.Count;

    public static AppSecrets Parse(string? setting) =>
        new((setting ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(secret => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(secret))
            .ToArray());

    /// <summary>Never the secrets themselves: this object may end up in a log.</summary>
    public override string ToString() => $"{Count} app secret(s)";
}
