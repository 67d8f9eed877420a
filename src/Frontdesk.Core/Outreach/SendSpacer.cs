using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.Outreach;

/// <summary>
/// The fine half of outreach pacing, in this process: sends of one number are spaced by 1 / <see
/// cref="OutboundOptions.MessagesPerSecond"/>. The queue's visibility delays (<see cref="IOutreachQueue"/>) spread a
/// fan-out over time across instances, but only to the second and only as fast as the trigger polls; a poll that
/// finds two seconds' worth of messages would otherwise send them in one burst.
/// </summary>
public sealed class SendSpacer(IOptions<OutboundOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);

    /// <summary>Waits for this number's next free slot and takes it.</summary>
    public async Task WaitTurnAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        var interval = TimeSpan.FromSeconds(1.0 / options.Value.MessagesPerSecond);
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _next.TryGetValue(phoneNumberId, out var next) && next > now ? next : now;
            _next[phoneNumberId] = slot + interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
