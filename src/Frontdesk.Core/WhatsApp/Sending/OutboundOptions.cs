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
    /// How long a send whose answer was lost ("maybe sent") waits for Meta's status webhook before it is sent again,
    /// once. Meta emits <c>sent</c> within seconds for a message it accepted; 300 by default, settable low for tests.
    /// </summary>
    [Range(1, 24 * 3600)]
    public int UnknownGraceSeconds { get; set; } = 300;
}
