using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Storage.Tests.Outbound;

/// <summary>Counts calls and answers from a function; yields first so parallel callers really overlap.</summary>
internal sealed class ScriptedSender(Func<int, GraphSendResult> answer) : IWhatsAppSender
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _calls);
        await Task.Delay(20, cancellationToken);
        return answer(n);
    }
}
