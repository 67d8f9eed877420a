using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// The id of the "Notify me" button under an out-of-stock product: <c>restock:&lt;SKU&gt;</c>. Pressing it comes back
/// as a <c>button_reply</c> with that id, which the reply engine turns into a subscription.
/// </summary>
public static class RestockIds
{
    public const string Prefix = "restock:";

    /// <summary>The button's id, or null when the SKU is too long for Meta's button id.</summary>
    public static string? ForSku(string sku)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        var id = Prefix + sku;
        return id.Length <= WhatsAppLimits.ButtonId ? id : null;
    }

    public static bool TryRead(string? id, out string sku)
    {
        var trimmed = id?.Trim() ?? "";
        sku = trimmed.StartsWith(Prefix, StringComparison.Ordinal) ? trimmed[Prefix.Length..].Trim() : "";
        return sku.Length > 0;
    }
}
