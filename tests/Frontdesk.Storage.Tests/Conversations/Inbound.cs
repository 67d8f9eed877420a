using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Storage.Tests.Conversations;

/// <summary>Inbound text messages for the ledger and handler tests.</summary>
internal static class Inbound
{
    public const string Number = "15550001111";
    public const string Customer = "33600000001";

    /// <summary>Sunday 29 November 2026, 10:00 UTC: the message's own timestamp, which picks the ledger partition.</summary>
    public static readonly DateTimeOffset Sent = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    public static InboundMessage Text(string id, string body = "hello", DateTimeOffset? at = null, string from = Customer) => new()
    {
        PhoneNumberId = Number,
        From = from,
        ProfileName = "Anna",
        Id = id,
        Timestamp = at ?? Sent,
        Type = "text",
        Content = new TextContent(body),
    };
}
