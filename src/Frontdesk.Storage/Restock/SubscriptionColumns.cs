using System.Globalization;
using Azure.Data.Tables;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Restock;

namespace Frontdesk.Storage.Restock;

/// <summary>
/// A Subscriptions row (PartitionKey the phone_number_id, RowKey <c>&lt;SKU&gt;|&lt;wa_id&gt;</c>; columns <c>Name</c>,
/// <c>Created</c>, <c>Expires</c>, <c>State</c>, <c>ClosedAt</c>), written with proper types and read forgivingly:
/// an operator may type a date as text or the state in any case. A row that still makes no sense is not guessed at:
/// <see cref="TryRead"/> says what is wrong with it.
/// </summary>
internal static class SubscriptionColumns
{
    public static TableEntity Write(string partitionKey, Subscription subscription)
    {
        var entity = new TableEntity(partitionKey, subscription.RowKey)
        {
            ["Created"] = subscription.Created.ToUniversalTime(),
            ["Expires"] = subscription.Expires.ToUniversalTime(),
            ["State"] = State(subscription.State),
        };
        if (!string.IsNullOrWhiteSpace(subscription.Name))
        {
            entity["Name"] = subscription.Name;
        }

        if (subscription.ClosedAt is { } closed)
        {
            entity["ClosedAt"] = closed.ToUniversalTime();
        }

        return entity;
    }

    /// <summary>The change that closes a subscription, merged into its row.</summary>
    public static TableEntity Close(string partitionKey, string rowKey, SubscriptionState state, DateTimeOffset at) =>
        new(partitionKey, rowKey) { ["State"] = State(state), ["ClosedAt"] = at.ToUniversalTime() };

    public static string State(SubscriptionState state) => state.ToString().ToLowerInvariant();

    /// <summary>The subscription a row holds, or why it holds none.</summary>
    public static bool TryRead(TableEntity entity, out Subscription subscription, out string problem)
    {
        subscription = null!;
        var separator = entity.RowKey.LastIndexOf(Subscription.KeySeparator);
        var sku = separator > 0 ? entity.RowKey[..separator].Trim() : "";
        var waId = separator >= 0 ? entity.RowKey[(separator + 1)..].Trim() : "";
        if (sku.Length == 0 || !WaId.TryParse(waId, out _))
        {
            problem = $"RowKey '{entity.RowKey}' is not <SKU>|<wa_id> (e.g. CRO-01|33600000001); the row is skipped";
            return false;
        }

        if (!PhoneNumberId.TryParsePartition(entity.PartitionKey, out var number) || number.IsDefault)
        {
            problem = $"PartitionKey '{entity.PartitionKey}' is not a phone_number_id (subscriptions belong to one number, never 'default'); the row is skipped";
            return false;
        }

        if (Time(entity, "Created", out var createdText) is not { } created)
        {
            problem = $"Created '{createdText}' is not a date (e.g. 2026-11-26T10:00:00Z); the row is skipped";
            return false;
        }

        if (Time(entity, "Expires", out var expiresText) is not { } expires)
        {
            problem = $"Expires '{expiresText}' is not a date (e.g. 2026-12-26T10:00:00Z); the row is skipped";
            return false;
        }

        if (expires < created)
        {
            problem = $"Expires ({expires:u}) is before Created ({created:u}); the row is skipped";
            return false;
        }

        var stateText = Text(entity, "State");
        if (ReadState(stateText) is not { } state)
        {
            problem = $"State '{stateText}' is not open, notified or expired; the row is skipped";
            return false;
        }

        var closedAt = Time(entity, "ClosedAt", out var closedText);
        if (closedAt is null && closedText.Length > 0)
        {
            problem = $"ClosedAt '{closedText}' is not a date; the row is skipped";
            return false;
        }

        subscription = new Subscription
        {
            PhoneNumberId = number.Value,
            Sku = sku,
            WaId = waId,
            Name = Text(entity, "Name"),
            Created = created,
            Expires = expires,
            State = state,
            ClosedAt = closedAt,
        };
        problem = "";
        return true;
    }

    /// <summary>No State at all is an open subscription (a row an operator added by hand with the key and dates).</summary>
    private static SubscriptionState? ReadState(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "OPEN" => SubscriptionState.Open,
        "NOTIFIED" or "CLOSED" => SubscriptionState.Notified,
        "EXPIRED" => SubscriptionState.Expired,
        _ => null,
    };

    private static string? Text(TableEntity entity, string column) =>
        entity.TryGetValue(column, out var value) && value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static DateTimeOffset? Time(TableEntity entity, string column, out string text)
    {
        entity.TryGetValue(column, out var value);
        text = value is null ? "" : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
        return value switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) => parsed,
            _ => null,
        };
    }
}
