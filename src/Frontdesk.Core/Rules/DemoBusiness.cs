namespace Frontdesk.Core.Rules;

/// <summary>
/// A small bakery, as table rows under PartitionKey <c>default</c>: what DevHost seeds into empty tables so a local
/// run answers something, and an example for people filling the tables by hand.
/// </summary>
public static class DemoBusiness
{
    private const string Partition = RuleBookCompiler.DefaultPartition;
    private const string Weekday = "08:00-12:30, 14:00-19:00";

    public static IReadOnlyList<TableRow> Rows { get; } =
    [
        Row(RuleTable.Settings, RuleBookCompiler.SettingsRowKey,
            ("TimeZone", "Europe/Paris"),
            ("Culture", "en-GB"),
            ("GreetingText", "Hello {{name}}, welcome to Demo Bakery!"),
            ("GreetingAfterDays", 14),
            ("GreetingShowsMenu", true),
            ("AwayText", "We are closed right now: we open again {{next_open}} and will answer you then. {{hours_note}}"),
            ("AwayMode", "OutsideHours"),
            ("AwayCooldownHours", 24),
            ("FallbackText", "Sorry, I did not understand. Send MENU to see what I can help with, or AGENT to talk to a person."),
            ("MenuText", "How can we help?"),
            ("MenuButton", "Options"),
            ("CatalogueNoMatchText", "We do not have that, sorry. Send CATALOGUE to browse what we bake."),
            ("OrderReplyText", "Thank you for your order! We will confirm the pick-up time shortly.")),

        Row(RuleTable.Hours, "Monday", ("Hours", Weekday)),
        Row(RuleTable.Hours, "Tuesday", ("Hours", Weekday)),
        Row(RuleTable.Hours, "Wednesday", ("Hours", Weekday)),
        Row(RuleTable.Hours, "Thursday", ("Hours", Weekday)),
        Row(RuleTable.Hours, "Friday", ("Hours", Weekday)),
        Row(RuleTable.Hours, "Saturday", ("Hours", "08:00-13:00")),
        Row(RuleTable.Hours, "Sunday", ("Hours", "closed")),
        Row(RuleTable.Hours, "2026-12-25", ("Hours", "closed"), ("Note", "Merry Christmas!")),

        Row(RuleTable.Rules, "menu",
            ("Keywords", "menu, help, options"), ("Match", "word"), ("Action", "menu"), ("Priority", 5)),
        Row(RuleTable.Rules, "hours",
            ("Keywords", "hours, open, opening, horaires"),
            ("Reply", "We are open Monday to Friday 08:00-12:30 and 14:00-19:00, Saturday 08:00-13:00."),
            ("MenuTitle", "Opening hours"), ("MenuDescription", "When to find us open"), ("Priority", 10)),
        Row(RuleTable.Rules, "address",
            ("Keywords", "address, where, location, adresse"),
            ("Reply", "Demo Bakery, 12 rue de la Paix, Paris."),
            ("MenuTitle", "Find us"), ("MenuDescription", "Our address"), ("Priority", 20)),
        Row(RuleTable.Rules, "cakes",
            ("Keywords", "cake, cakes, birthday, gateau"),
            ("QuickReply", "cakes"), ("Buttons", "Prices|Talk to a person"),
            ("MenuTitle", "Birthday cakes"), ("MenuDescription", "Order a cake 48 hours ahead"),
            ("Labels", "cake-lead"), ("Priority", 30)),
        Row(RuleTable.Rules, "catalogue",
            ("Keywords", "catalogue, catalog, products, produits, do you have, avez-vous"),
            ("Action", "catalogue"),
            ("MenuTitle", "Our products"), ("MenuDescription", "Breads, pastries and cakes"), ("Priority", 25)),
        // Prices come from the catalogue, never from a text that could contradict it: "prix croissant" searches
        // "croissant", a bare "prices" lists the collections.
        Row(RuleTable.Rules, "prices",
            ("Keywords", "price, prices, prix, tarif, tarifs, combien"),
            ("Action", "catalogue"),
            ("Priority", 40)),
        Row(RuleTable.Rules, "agent",
            ("Keywords", "agent, human, person"),
            ("Reply", "A person from the team will answer you here shortly."),
            ("Action", "handoff"), ("PauseHours", 24),
            ("MenuTitle", "Talk to a person"), ("Priority", 50)),

        Row(RuleTable.QuickReplies, "cakes",
            ("Text", "We bake birthday cakes to order: tell us the day, the size and the flavour, 48 hours ahead.")),
    ];

    private static TableRow Row(RuleTable table, string rowKey, params (string Name, object Value)[] columns) =>
        new(table, Partition, rowKey, columns.ToDictionary(c => c.Name, c => (object?)c.Value));
}
