namespace Frontdesk.Storage;

/// <summary>Every queue, table and blob container Frontdesk uses: the one list the code, the tests and infra/ agree on.</summary>
public static class StorageNames
{
    /// <summary>The connection (setting prefix) for Frontdesk's own data, as the Functions extensions read it.</summary>
    public const string Connection = "FrontdeskStorage";

    public static class Queues
    {
        /// <summary>Verified webhook bodies, straight from the HTTP function.</summary>
        public const string WebhookInbox = "webhook-inbox";

        /// <summary>Replies waiting for the sender function.</summary>
        public const string OutboundMessages = "outbound-messages";

        /// <summary>
        /// Business-initiated messages (restock alerts, broadcast recipients), each queued with a visibility delay that
        /// paces its number; apart from <see cref="OutboundMessages"/> so a reply never waits behind a fan-out.
        /// </summary>
        public const string OutreachMessages = "outreach-messages";

        /// <summary>"Back in stock" fan-outs: one message per product that became available, expanded to its subscribers.</summary>
        public const string RestockAlerts = "restock-alerts";

        /// <summary>Broadcast fan-outs: one message per page of a broadcast's audience.</summary>
        public const string BroadcastFanout = "broadcast-fanout";

        public const string PoisonSuffix = "-poison";

        public static IReadOnlyList<string> All { get; } =
        [
            WebhookInbox, WebhookInbox + PoisonSuffix,
            OutboundMessages, OutboundMessages + PoisonSuffix,
            OutreachMessages, OutreachMessages + PoisonSuffix,
            RestockAlerts, RestockAlerts + PoisonSuffix,
            BroadcastFanout, BroadcastFanout + PoisonSuffix,
        ];
    }

    public static class Tables
    {
        public const string Settings = "Settings";
        public const string Hours = "Hours";
        public const string Rules = "Rules";
        public const string QuickReplies = "QuickReplies";

        /// <summary>The chat's conversational components (welcome message, ice breakers, /commands), published to Meta on request.</summary>
        public const string Components = "Components";
        public const string Contacts = "Contacts";
        public const string Catalogue = "Catalogue";

        /// <summary>One row per inbound wamid already decided: the exactly-once ledger.</summary>
        public const string HandledMessages = "HandledMessages";

        /// <summary>The replies Frontdesk sent and their delivery status.</summary>
        public const string OutboundStatuses = "OutboundStatuses";

        /// <summary>One row per reply idempotency key, written before the Graph call: the exactly-once send ledger.</summary>
        public const string OutboundLedger = "OutboundLedger";

        /// <summary>What Frontdesk answered test contacts (never sent to Meta), for the phone console.</summary>
        public const string ConsoleOutbox = "ConsoleOutbox";

        /// <summary>Message templates by purpose (PartitionKey phone_number_id or <c>default</c>, RowKey the purpose): what is sent outside the 24-hour window.</summary>
        public const string Templates = "Templates";

        /// <summary>"Back in stock" subscriptions (PartitionKey phone_number_id, RowKey <c>{SKU}|{wa_id}</c>).</summary>
        public const string Subscriptions = "Subscriptions";

        /// <summary>
        /// Broadcasts and their live counts, for operators in the portal: one partition per broadcast (PartitionKey its
        /// id), with the summary row (RowKey <c>summary</c>) and one row per recipient (RowKey the wa_id).
        /// </summary>
        public const string Broadcasts = "Broadcasts";

        /// <summary>Customers each number reached with broadcasts (PartitionKey phone_number_id, RowKey wa_id, ReachedAt): the daily cap's rolling 24 hours.</summary>
        public const string BroadcastReach = "BroadcastReach";

        public static IReadOnlyList<string> All { get; } =
        [
            Settings, Hours, Rules, QuickReplies, Components, Contacts, Catalogue, HandledMessages, OutboundStatuses, OutboundLedger, ConsoleOutbox,
            Templates, Subscriptions, Broadcasts, BroadcastReach,
        ];
    }

    public static class Containers
    {
        /// <summary>Webhook bodies too large for a queue message (claim check); deleted after a few days.</summary>
        public const string WebhookBodies = "webhook-bodies";

        public static IReadOnlyList<string> All { get; } = [WebhookBodies];
    }
}
