namespace Frontdesk.Core.Conversations;

/// <summary>
/// Read-change-write of one Contacts row with its ETag, read again on conflict: for the signals that change a contact
/// without a reply decision (an echo of the owner's reply, a 131050 status).
/// </summary>
public sealed class ContactUpdater(IContactStore contacts)
{
    private const int MaxConflicts = 10;

    /// <summary>A contact Frontdesk has not seen write yet (the owner wrote first).</summary>
    public static ContactState Blank { get; } = new(null, null, null, null, null, [], false, null);

    /// <summary>
    /// Applies <paramref name="change"/> (given the row, or null when there is none) and saves its result; a null
    /// result means nothing to write. Returns the state written, or null when nothing was.
    /// </summary>
    public async Task<ContactState?> UpdateAsync(
        string phoneNumberId, string waId, Func<ContactState?, ContactState?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var current = await contacts.GetAsync(phoneNumberId, waId, cancellationToken).ConfigureAwait(false);
            var next = change(current?.State);
            if (next is null)
            {
                return null;
            }

            if (await contacts.TrySaveAsync(phoneNumberId, waId, next, current?.Version, cancellationToken).ConfigureAwait(false) is not null)
            {
                return next;
            }
        }

        throw new InvalidOperationException($"Contact {waId} of {phoneNumberId} kept changing; the webhook will be retried.");
    }
}
