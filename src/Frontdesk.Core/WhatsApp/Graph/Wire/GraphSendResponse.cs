namespace Frontdesk.Core.WhatsApp.Graph.Wire;

/// <summary>A 2xx answer: <c>messages[0].id</c> for a send, <c>success</c> for mark-as-read.</summary>
internal sealed record GraphSendResponse
{
    public IReadOnlyList<GraphSentMessage>? Messages { get; init; }

    public bool? Success { get; init; }
}

internal sealed record GraphSentMessage(string? Id);
