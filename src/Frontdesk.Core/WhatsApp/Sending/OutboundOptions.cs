using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>The settings under <c>Outbound__*</c>.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>Send attempts (throttled or transient) before a message goes to <c>outbound-messages-poison</c>.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

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
}
