namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// A request to start a broadcast, as the operator sent it (JSON, or a CSV with the other fields in the query string),
/// not yet checked: <see cref="BroadcastPlanner"/> checks every field and names each problem.
/// </summary>
public sealed record BroadcastRequest
{
    public string? PhoneNumberId { get; init; }

    /// <summary>The client's id; posting it again returns the same broadcast. Made up when absent.</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The Templates purpose (RowKey) to send.</summary>
    public string? Template { get; init; }

    /// <summary>Every contact with this label.</summary>
    public string? Label { get; init; }

    /// <summary>An explicit list (JSON <c>contacts</c> or the CSV's lines).</summary>
    public IReadOnlyList<AudienceEntry>? Contacts { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}

/// <summary>One line of an explicit audience: where it came from (for the problem), the wa_id as written, and a name.</summary>
public sealed record AudienceEntry(string Where, string WaId, string? Name = null);

/// <summary>One problem with a request: the field (or line) at fault and what to change.</summary>
public sealed record BroadcastProblem(string Parameter, string Detail);
