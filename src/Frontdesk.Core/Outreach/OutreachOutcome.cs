namespace Frontdesk.Core.Outreach;

/// <summary>What became of one <see cref="OutreachMessage"/>; each is logged once, with why when nothing was sent.</summary>
public enum OutreachOutcome
{
    /// <summary>Sent free-form, inside the customer's window.</summary>
    Sent,

    /// <summary>Sent as the purpose's template (outside the window, or after Meta's 131047).</summary>
    SentAsTemplate,

    /// <summary>Not sent: the customer opted out (STOP).</summary>
    SkippedOptedOut,

    /// <summary>Not sent: a marketing template, and the customer stopped marketing messages (Meta's 131050).</summary>
    SkippedMarketingOptOut,

    /// <summary>Not sent: outside the window and no usable template for the purpose; recorded, never retried in a loop.</summary>
    NeedsTemplate,

    /// <summary>The ledger already settled this key (a duplicate delivery).</summary>
    Duplicate,

    /// <summary>The Graph call's answer was lost: Meta may have it.</summary>
    MaybeSent,

    /// <summary>Refused for good by Meta (or given up on after the retries).</summary>
    Failed,

    /// <summary>Throttled or transient: queued again with a delay.</summary>
    RetryScheduled,

    /// <summary>Not sent now: an <see cref="IOutreachGate"/> held it back (a paused or cancelled broadcast) and recorded it; not settled, so sinks are not told.</summary>
    Held,
}
