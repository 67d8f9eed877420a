using System.Text.Json.Serialization;

namespace Frontdesk.Core.Restock;

/// <summary>
/// The <c>restock-alerts</c> queue payload: one product of one number is back in stock. The fan-out expands it page
/// by page (<see cref="After"/> is where the previous page ended), so each invocation is short and can repeat safely.
/// </summary>
public sealed record RestockAlert
{
    /// <summary>The number whose subscribers are told (the Subscriptions partition).</summary>
    public required string PhoneNumberId { get; init; }

    public required string Sku { get; init; }

    /// <summary>What noticed the product: <c>import</c> or <c>watch</c> (a portal edit, or an import on another path).</summary>
    public required string Source { get; init; }

    /// <summary>The RowKey the previous page ended on; null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>1 for the first page; for the log.</summary>
    public int Page { get; init; } = 1;
}

/// <summary>The <c>restock-alerts</c> payload, serialised without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RestockAlert))]
public sealed partial class RestockAlertJsonContext : JsonSerializerContext;
