using Azure.Data.Tables;
using Frontdesk.Core.Identifiers;

namespace Frontdesk.Storage;

/// <summary>
/// The one way a phone_number_id becomes a PartitionKey or a query filter, in every table. It is parsed by
/// <see cref="PhoneNumberId"/> first, so a store never builds a key or a filter from an unchecked string; a parsed id
/// (digits, or <c>default</c>) needs no escaping, so the key is its value and matches every row written before.
/// </summary>
internal static class PhoneNumberKey
{
    /// <exception cref="ArgumentException"><paramref name="phoneNumberId"/> is neither a phone_number_id nor <c>default</c>.</exception>
    public static string Of(string phoneNumberId) =>
        PhoneNumberId.TryParsePartition(phoneNumberId, out var id)
            ? id.Value
            : throw new ArgumentException($"'{phoneNumberId}' is not {PhoneNumberId.Format}, nor '{PhoneNumberId.DefaultPartition}'.", nameof(phoneNumberId));

    /// <summary>The rows of one number's partition.</summary>
    public static string PartitionFilter(string phoneNumberId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Of(phoneNumberId)}");

    /// <summary>The rows of one number's partition and of the shared <c>default</c> partition.</summary>
    public static string PartitionOrDefaultFilter(string phoneNumberId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Of(phoneNumberId)} or PartitionKey eq {PhoneNumberId.DefaultPartition}");
}
