using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core.Broadcasts;

/// <summary>The settings under <c>Broadcast__*</c> (docs/broadcasts.md).</summary>
public sealed class BroadcastOptions
{
    public const string SectionName = "Broadcast";

    /// <summary>Broadcast sends per second per number; Meta allows about 80 (all traffic of the number together).</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 20;

    /// <summary>
    /// Unique customers a number may reach with broadcasts in a rolling 24 hours (Meta's messaging limit: 250, 2,000,
    /// 10,000, 100,000 or unlimited). Set it to the number's tier; 250 is where every number starts.
    /// </summary>
    [Range(1, 10_000_000)]
    public int DailyUniqueLimit { get; set; } = 250;

    /// <summary>
    /// A recipient queued this long ago and still not settled is queued again (its outreach message was lost with a
    /// crashed instance, or poisoned); the send ledger makes the second copy harmless. Longer than the function timeout.
    /// </summary>
    [Range(10, 86_400)]
    public int RequeueAfterSeconds { get; set; } = 900;
}
