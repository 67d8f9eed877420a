namespace Frontdesk.Core.Conversations;

/// <summary>
/// Where the reply chain of a recorded decision stands, as the decision row records it (the chain's send ledger):
/// the replies before <see cref="Cursor"/> are settled, one letter each in <see cref="Outcomes"/>, and the reply at
/// <see cref="Cursor"/> is being sent (or about to be). The row is written before each send, so after a crash the
/// reply at the cursor may or may not have reached Meta.
/// </summary>
public sealed record ChainProgress(int Cursor, string Outcomes)
{
    /// <summary>Meta accepted it.</summary>
    public const char Sent = 'S';

    /// <summary>Maybe sent: the call's answer was lost, or a delivery died while sending it.</summary>
    public const char Unknown = 'U';

    /// <summary>Refused for good.</summary>
    public const char Failed = 'F';

    /// <summary>Handed to the <c>outbound-messages</c> queue after a retryable failure: its ledger owns it now.</summary>
    public const char Queued = 'Q';

    public static ChainProgress Start { get; } = new(0, "");

    /// <summary>The reply at the cursor is settled with <paramref name="outcome"/>; the next one is due.</summary>
    public ChainProgress Settle(char outcome) => new(Cursor + 1, Outcomes + outcome);

    /// <summary>Every reply from the cursor on is handed to the queue.</summary>
    public ChainProgress HandOff(int count) => new(count, Outcomes + new string(Queued, Math.Max(0, count - Cursor)));
}
