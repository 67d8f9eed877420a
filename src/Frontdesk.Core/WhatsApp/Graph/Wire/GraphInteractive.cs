namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphInteractive
{
    public required string Type { get; init; }

    public GraphHeader? Header { get; init; }

    public GraphTextObject? Body { get; init; }

    public GraphTextObject? Footer { get; init; }

    public required GraphAction Action { get; init; }
}
