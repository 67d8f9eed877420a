namespace Frontdesk.Core.Broadcasts;

/// <summary>A number's contacts as a broadcast needs them (implemented over the <c>Contacts</c> table).</summary>
public interface IBroadcastAudience
{
    Task<IReadOnlyList<AudienceContact>> ReadContactsAsync(string phoneNumberId, CancellationToken cancellationToken = default);
}

/// <summary>One contact: its labels and whether it may receive a broadcast.</summary>
public sealed record AudienceContact(string WaId, string? Name, IReadOnlyList<string> Labels, bool OptedOut, bool MarketingOptOut);
