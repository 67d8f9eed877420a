using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Contacts;

/// <summary>The Contacts table, with ETag optimistic concurrency so two instances never silently undo each other.</summary>
public sealed partial class ContactStore(TableClient contacts, ILogger<ContactStore> logger) : IContactStore
{
    public async ValueTask<StoredContact?> GetAsync(string phoneNumberId, string waId, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await contacts.GetEntityIfExistsAsync<TableEntity>(PhoneNumberKey.Of(phoneNumberId), TableKey.Encode(waId), cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue && response.Value is { } entity
                ? new StoredContact(ContactColumns.Read(entity), entity.ETag.ToString())
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table itself does not exist yet: nobody has written, so everyone is a first-time contact.
            return null;
        }
    }

    public async ValueTask<string?> TrySaveAsync(string phoneNumberId, string waId, ContactState state, string? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = ContactColumns.Write(PhoneNumberKey.Of(phoneNumberId), TableKey.Encode(waId), state);
        try
        {
            return await SaveAsync(entity, version, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && version is null)
        {
            await contacts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return await SaveAsync(entity, version, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            // 409: created by someone else; 412: changed since read; 404: deleted since read (a person in the portal).
            Log.Conflict(logger, phoneNumberId, waId, ex.Status);
            return null;
        }
    }

    private async Task<string> SaveAsync(TableEntity entity, string? version, CancellationToken cancellationToken)
    {
        // Replace, not Merge: the row holds exactly these columns, and a cleared value (a lifted pause) must disappear.
        var response = version is null
            ? await contacts.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
            : await contacts.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag.");
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ContactConflict, LogLevel.Information, "Contact {PhoneNumberId}/{WaId} was written by someone else first (HTTP {Status}); the caller reads it again")]
        public static partial void Conflict(ILogger logger, string phoneNumberId, string waId, int status);
    }
}
