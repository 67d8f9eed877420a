namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public string? Type { get; init; }

    public GraphErrorData? ErrorData { get; init; }

    public string? FbtraceId { get; init; }
}
