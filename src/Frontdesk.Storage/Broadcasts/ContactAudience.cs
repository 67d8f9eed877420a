using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Broadcasts;
using Frontdesk.Storage.Contacts;

namespace Frontdesk.Storage.Broadcasts;

/// <summary>A number's Contacts rows, read in one query (only the columns a broadcast needs), for labels and opt-outs.</summary>
public sealed class ContactAudience(TableClient contacts) : IBroadcastAudience
{
    private static readonly string[] s_columns = ["RowKey", ContactColumns.Name, ContactColumns.Labels, ContactColumns.OptedOut, ContactColumns.MarketingOptOut];

    public async Task<IReadOnlyList<AudienceContact>> ReadContactsAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        try
        {
            var rows = new List<AudienceContact>();
            await foreach (var entity in contacts.QueryAsync<TableEntity>(PhoneNumberKey.PartitionFilter(phoneNumberId), select: s_columns, cancellationToken: cancellationToken)
                .ConfigureAwait(false))
            {
                var state = ContactColumns.Read(entity);
                rows.Add(new AudienceContact(entity.RowKey, state.Name, state.Labels, state.OptedOut, state.MarketingOptOut));
            }

            return rows;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}
