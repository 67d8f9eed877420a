using System.Collections.Concurrent;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Testing;

/// <summary>
/// An <see cref="IWhatsAppSender"/> that records every call in order and answers with <see cref="Answer"/> (by
/// default: accepted, with a new wamid; no wamid for a read receipt, as Meta). For handler tests that need no HTTP;
/// the Graph client itself is tested against <see cref="FakeGraphServer"/>.
/// </summary>
public sealed class RecordingWhatsAppSender : IWhatsAppSender
{
    private int _next;

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    /// <summary>What each call answers; the default accepts everything.</summary>
    public Func<OutboundMessage, GraphSendResult>? Answer { get; set; }

    /// <summary>Runs before each call answers (to hold a call, or to make it throw like a dying host).</summary>
    public Func<OutboundMessage, Task>? Before { get; set; }

    public IEnumerable<string> Keys => Sent.Select(m => m.IdempotencyKey);

    public async Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Before is { } before)
        {
            await before(message).ConfigureAwait(false);
        }

        Sent.Enqueue(message);
        return Answer?.Invoke(message)
            ?? GraphSendResult.Accepted(message.Body is MarkReadBody ? null : $"wamid.OUT_{Interlocked.Increment(ref _next)}");
    }
}
