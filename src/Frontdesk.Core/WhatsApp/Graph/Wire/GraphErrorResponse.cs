namespace Frontdesk.Core.WhatsApp.Graph.Wire;

/// <summary>Meta's error envelope: <c>{"error":{"code":…,"message":…,"error_data":{"details":…},"fbtrace_id":…}}</c>.</summary>
internal sealed record GraphErrorResponse(GraphErrorBody? Error);

internal sealed record GraphErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public string? Type { get; init; }

    public GraphErrorData? ErrorData { get; init; }

    public string? FbtraceId { get; init; }
}

internal sealed record GraphErrorData(string? Details);
