using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage.Conversations;

namespace Frontdesk.Storage.Outbound;

/// <summary>
/// The wamids Meta gave Frontdesk's sends, in the two places they are written: reply chains sent from the inbox index
/// them in <c>HandledMessages</c> (in the partition of the day of the message they answer, in the same request that
/// moves the chain's cursor), queued sends in <c>OutboundLedger</c>. An echo arrives seconds after its send, so the
/// answered message is of today or yesterday: at most three point reads, and only for echoes.
/// </summary>
public sealed class SentMessageIndex(HandledMessageLedger handled, SendLedgerStore queued, TimeProvider time) : ISentMessageIndex
{
    public async Task<bool> WasSentByFrontdeskAsync(string phoneNumberId, string wamId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await handled.WasSentAsync(now, wamId, cancellationToken).ConfigureAwait(false)
            || await handled.WasSentAsync(now.AddDays(-1), wamId, cancellationToken).ConfigureAwait(false)
            || await queued.WasSentByFrontdeskAsync(phoneNumberId, wamId, cancellationToken).ConfigureAwait(false);
    }
}
