using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>The settings under <c>Outbound__*</c>.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>
    /// Send attempts (throttled or transient) before a message goes to <c>outbound-messages-poison</c>. With the back-off
    /// doubling from 1–2 s, 12 attempts keep trying for about 35–70 minutes, as long as a reply stays worth sending
    /// (<see cref="MaxReplyAgeMinutes"/>).
    /// </summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The longest a retry waits (back-off and Retry-After are capped here); 6 hours by default.</summary>
    [Range(1, 6 * 3600)]
    public int MaxRetryDelaySeconds { get; set; } = 6 * 3600;

    /// <summary>How long one Graph call may take before its answer is treated as lost ("maybe sent").</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Business-initiated messages (restock alerts, broadcasts) per second and per number: the pace of the
    /// <c>outreach-messages</c> queue. Meta allows 80 by default; replies to customers are never counted here.
    /// </summary>
    [Range(1, 80)]
    public int MessagesPerSecond { get; set; } = 20;

    /// <summary>
    /// A reply that could not go out within this many minutes of the customer's message (its webhook timestamp) is
    /// dropped with a warning instead of arriving late and out of context. Business-initiated messages are not replies
    /// and are never dropped for age.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int MaxReplyAgeMinutes { get; set; } = 60;

    /// <summary>
    /// How long a send whose answer was lost ("maybe sent") waits for Meta's status webhook before it is sent again,
    /// once. Meta emits <c>sent</c> within seconds for a message it accepted; 300 by default, settable low for tests.
    /// </summary>
    [Range(1, 24 * 3600)]
    public int UnknownGraceSeconds { get; set; } = 300;

    /// <summary><see cref="UnknownGraceSeconds"/> as the delay of a grace check on the queue.</summary>
    public TimeSpan UnknownGrace => TimeSpan.FromSeconds(UnknownGraceSeconds);
}
