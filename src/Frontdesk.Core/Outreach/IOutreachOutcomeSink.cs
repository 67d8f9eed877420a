namespace Frontdesk.Core.Outreach;

/// <summary>
/// Told of every settled <see cref="OutreachMessage"/> (by the outreach sender, after its ledger write), e.g. to count a
/// broadcast's sent, failed and skipped. Called at least once per outcome: implementations must be idempotent per key.
/// </summary>
public interface IOutreachOutcomeSink
{
    Task RecordAsync(OutreachMessage message, OutreachOutcome outcome, string? detail, CancellationToken cancellationToken = default);
}
