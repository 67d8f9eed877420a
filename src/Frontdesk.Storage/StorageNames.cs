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

        public const string PoisonSuffix = "-poison";

        public static IReadOnlyList<string> All { get; } =
        [
            WebhookInbox, WebhookInbox + PoisonSuffix,
            OutboundMessages, OutboundMessages + PoisonSuffix,
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

        public static IReadOnlyList<string> All { get; } =
        [
            Settings, Hours, Rules, QuickReplies, Components, Contacts, Catalogue, HandledMessages, OutboundStatuses, OutboundLedger, ConsoleOutbox,
        ];
    }

    public static class Containers
    {
        /// <summary>Webhook bodies too large for a queue message (claim check); deleted after a few days.</summary>
        public const string WebhookBodies = "webhook-bodies";

        public static IReadOnlyList<string> All { get; } = [WebhookBodies];
    }
}
