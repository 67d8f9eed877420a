namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>What became of a publish: sent or not (and why), Meta's HTTP status and answer as it came.</summary>
public sealed record ComponentsPublishResult(bool Sent, int? MetaStatus, string? MetaAnswer, string? Reason)
{
    public bool Accepted => Sent && MetaStatus is >= 200 and < 300;
}
