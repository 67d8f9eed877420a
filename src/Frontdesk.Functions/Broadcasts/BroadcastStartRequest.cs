namespace Frontdesk.Functions.Broadcasts;

/// <summary>The JSON body of <c>POST /api/manage/broadcasts</c> (docs/broadcasts.md).</summary>
public sealed record BroadcastStartRequest
{
    public string? PhoneNumberId { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Template { get; init; }

    public BroadcastAudienceRequest? Audience { get; init; }

    /// <summary>ISO 8601 with an offset, e.g. <c>2026-12-20T09:00:00+01:00</c>.</summary>
    public string? StartAt { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}

/// <summary><c>{"label": "vip"}</c> or <c>{"contacts": ["336…", …]}</c>.</summary>
public sealed record BroadcastAudienceRequest
{
    public string? Label { get; init; }

    public List<string>? Contacts { get; init; }
}
