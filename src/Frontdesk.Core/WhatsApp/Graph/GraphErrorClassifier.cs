using System.Collections.Frozen;
using Frontdesk.Core.Limits;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// The one table of Meta's error codes (whatsapp-cloud-api.md §7): which are retried, and after how long.
/// Keyed on <c>error.code</c>, not on HTTP status or titles, because Meta's throttling answers come as 400 or 429.
/// </summary>
public static class GraphErrorClassifier
{
    /// <summary>The longest delay a retry waits; a queue message can be hidden up to 7 days, a reply is stale long before.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

    private static readonly FrozenSet<int> s_throttling = FrozenSet.ToFrozenSet([130429, 131056, 80007, 4]);

    private static readonly FrozenSet<int> s_transient = FrozenSet.ToFrozenSet([131000, 131016, 131057, 133004, 1, 2]);

    /// <summary>Classifies an answer from the Graph API that was not a success.</summary>
    /// <param name="metaCode">Meta's <c>error.code</c>, when the body had one.</param>
    /// <param name="httpStatus">The HTTP status.</param>
    public static SendOutcome Classify(int? metaCode, int httpStatus)
    {
        if (metaCode is { } code)
        {
            if (s_throttling.Contains(code))
            {
                return SendOutcome.Throttled;
            }

            if (s_transient.Contains(code))
            {
                return SendOutcome.Transient;
            }
        }

        return httpStatus switch
        {
            429 => SendOutcome.Throttled,
            408 or >= 500 => SendOutcome.Transient,
            // Everything else (131047, 131026, 131051, 131050, 100, 190, 131008, 131009, 130403, 368, any other 4xx)
            // needs a template, a fix or a human: retrying only repeats the refusal.
            _ => SendOutcome.Permanent,
        };
    }

    /// <summary>
    /// How long to wait before attempt number <paramref name="failures"/> + 1, short enough that a customer is not kept
    /// waiting for a limit that lasts a second (Meta's throughput limit is per second):
    /// <list type="bullet">
    /// <item>130429 and other throttling, and transient failures: 1 s doubling per failure (1, 2, 4, 8 … s), stretched by
    /// up to ×2 with <paramref name="jitter"/> so that retries of a burst do not land together again (1–2 s, then 2–4 s…).</item>
    /// <item>131056 (pair rate): <see cref="WhatsAppLimits.PairRateWindow"/> doubling (6, 12, 24 … s), up to ×1.25 jitter.</item>
    /// <item>131057 (maintenance, ≤ 1 min): a minute doubling, up to ×1.25 jitter.</item>
    /// </list>
    /// A Retry-After from Meta is a floor. Capped at <see cref="MaxDelay"/> (the sender caps again at its setting).
    /// </summary>
    /// <param name="outcome">Throttled or Transient (anything else is not retried); both grow alike.</param>
    /// <param name="metaCode">Meta's error code, when the answer had one.</param>
    /// <param name="failures">Failed attempts so far, from 1.</param>
    /// <param name="retryAfter">Meta's Retry-After header, when it sent one.</param>
    /// <param name="jitter">A draw in [0, 1): 0 gives the shortest delay, values near 1 the longest.</param>
    public static TimeSpan RetryDelay(SendOutcome outcome, int? metaCode, int failures, TimeSpan? retryAfter = null, double jitter = 0)
    {
        if (outcome is not (SendOutcome.Throttled or SendOutcome.Transient))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only throttled and transient failures are retried.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        var growth = Math.Pow(2, Math.Min(failures, 32) - 1);
        var seconds = metaCode switch
        {
            131056 => WhatsAppLimits.PairRateWindow.TotalSeconds * growth * (1 + (jitter / 4)),
            131057 => 60 * growth * (1 + (jitter / 4)),
            _ => growth * (1 + jitter),
        };
        var delay = TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
        if (retryAfter is { } floor && floor > delay)
        {
            delay = floor < MaxDelay ? floor : MaxDelay;
        }

        return delay;
    }
}
