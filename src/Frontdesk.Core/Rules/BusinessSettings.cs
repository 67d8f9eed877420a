using System.Globalization;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Rules;

/// <summary>The <c>Settings</c> row <c>business</c> of one number, with defaults for every missing column.</summary>
public sealed record BusinessSettings
{
    public static BusinessSettings Default { get; } = new();

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("en-US");

    public string? GreetingText { get; init; }

    public int GreetingAfterDays { get; init; } = 14;

    public bool GreetingShowsMenu { get; init; }

    public string? AwayText { get; init; }

    public AwayMode AwayMode { get; init; } = AwayMode.OutsideHours;

    public int AwayCooldownHours { get; init; } = 24;

    public string? FallbackText { get; init; }

    public string? MenuText { get; init; }

    public string MenuButton { get; init; } = "Menu";

    /// <summary>The confirmation sent once when a contact opts out.</summary>
    public string OptOutText { get; init; } = "You will not receive automatic replies any more. Send START to receive them again.";

    /// <summary>The confirmation sent once when an opted-out contact opts in again.</summary>
    public string OptInText { get; init; } = "Welcome back: automatic replies are on again. Send STOP to stop them.";

    /// <summary>How long automatic replies pause for a customer after the owner answers from the WhatsApp Business app; 0 never pauses.</summary>
    public int HumanPauseHours { get; init; } = 12;

    /// <summary>
    /// The Business app's own automatic texts (its greeting and away messages), which come back as echoes but are no
    /// person answering. Compared after folding case, accents, spaces and punctuation at the ends.
    /// </summary>
    public IReadOnlyList<string> BusinessAppAutoTexts { get; init; } = [];

    /// <summary>More automatic replies than this to one contact within <see cref="StormMinutes"/> pauses the contact.</summary>
    public int StormReplies { get; init; } = 10;

    public int StormMinutes { get; init; } = 5;

    public string? CatalogId { get; init; }

    public string? CatalogueNoMatchText { get; init; }

    public string? OrderReplyText { get; init; }

    /// <summary>How long a "Notify me" subscription waits for its product, in days.</summary>
    public int RestockDays { get; init; } = 30;
    /// <summary>The WhatsApp Business Account id (Meta Business Suite, WhatsApp accounts): where <c>templates/sync</c> reads the approved templates.</summary>
    public string? WabaId { get; init; }

    public CatalogueSettings Catalogue => new(CatalogId, Culture.Name, CatalogueNoMatchText, OrderReplyText);
}
