using System.Collections.Frozen;

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
    /// How long to wait before attempt number <paramref name="failures"/> + 1. 131056 (pair rate) waits 4^failures s as
    /// Meta advises; 131057 (maintenance, ≤ 1 min) from a minute; other throttling starts at 30 s, transient failures at
    /// 5 s, both doubling. A Retry-After from Meta is a floor. Capped at <see cref="MaxDelay"/>.
    /// </summary>
    public static TimeSpan RetryDelay(SendOutcome outcome, int? metaCode, int failures, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures, 16);
        var seconds = (outcome, metaCode) switch
        {
            (_, 131056) => Math.Pow(4, exponent),
            (_, 131057) => 60 * Math.Pow(2, exponent - 1),
            (SendOutcome.Throttled, _) => 30 * Math.Pow(2, exponent - 1),
            _ => 5 * Math.Pow(2, exponent - 1),
        };
        var delay = TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
        if (retryAfter is { } floor && floor > delay)
        {
            delay = floor < MaxDelay ? floor : MaxDelay;
        }

        return delay;
    }
}
