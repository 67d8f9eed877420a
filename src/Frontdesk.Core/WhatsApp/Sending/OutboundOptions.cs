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
    /// Business-initiated messages (restock alerts, broadcasts) per second and per number, paced on the
    /// <c>outreach-messages</c> queue; within Meta's default 80 msg/s. Replies never wait behind them.
    /// </summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 20;
}
