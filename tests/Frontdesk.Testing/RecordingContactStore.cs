using Frontdesk.Core.Conversations;

namespace Frontdesk.Testing;

/// <summary>Holds contacts in memory and counts writes, which the explain endpoint must never make.</summary>
public sealed class RecordingContactStore : IContactStore
{
    public Dictionary<(string, string), ContactState> Contacts { get; } = [];

    public int Saves { get; private set; }

    public ValueTask<StoredContact?> GetAsync(string phoneNumberId, string waId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Contacts.TryGetValue((phoneNumberId, waId), out var state) ? new StoredContact(state, "v1") : null);

    public ValueTask<string?> TrySaveAsync(string phoneNumberId, string waId, ContactState state, string? version, CancellationToken cancellationToken = default)
    {
        Saves++;
        Contacts[(phoneNumberId, waId)] = state;
        return ValueTask.FromResult<string?>("v2");
    }
}
