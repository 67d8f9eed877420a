using System.Globalization;
using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Rules;

/// <summary>
/// The Settings row <c>business</c>. A bad column falls back to its default with a problem, rather than losing the
/// whole row: one typo in TimeZone must not switch the greeting off.
/// </summary>
internal static class SettingsCompiler
{
    public static BusinessSettings Compile(TableRow? row, List<RuleProblem> problems)
    {
        if (row is null)
        {
            return BusinessSettings.Default;
        }

        var columns = new ColumnReader(row);
        var defaults = BusinessSettings.Default;
        return new BusinessSettings
        {
            TimeZone = TimeZone(columns, problems),
            Culture = Culture(columns, problems),
            GreetingText = Text(columns, "GreetingText", WhatsAppLimits.TextBody, "a text message", problems),
            GreetingAfterDays = Number(columns, "GreetingAfterDays", defaults.GreetingAfterDays, 0, 3650, problems),
            GreetingShowsMenu = Flag(columns, "GreetingShowsMenu", problems),
            AwayText = Text(columns, "AwayText", WhatsAppLimits.TextBody, "a text message", problems),
            AwayMode = Away(columns, problems),
            AwayCooldownHours = Number(columns, "AwayCooldownHours", defaults.AwayCooldownHours, 0, 24 * 365, problems),
            FallbackText = Text(columns, "FallbackText", WhatsAppLimits.TextBody, "a text message", problems),
            MenuText = Text(columns, "MenuText", WhatsAppLimits.ListBody, "a list message's body", problems),
            MenuButton = Text(columns, "MenuButton", WhatsAppLimits.ListButton, "a list message's button", problems) ?? defaults.MenuButton,
            OptOutText = Text(columns, "OptOutText", WhatsAppLimits.TextBody, "a text message", problems) ?? defaults.OptOutText,
            OptInText = Text(columns, "OptInText", WhatsAppLimits.TextBody, "a text message", problems) ?? defaults.OptInText,
            HumanPauseHours = Number(columns, "HumanPauseHours", defaults.HumanPauseHours, 0, 24 * 365, problems),
            BusinessAppAutoTexts = [.. (columns.Text("BusinessAppAutoTexts") ?? string.Empty)
                .Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            StormReplies = Number(columns, "StormReplies", defaults.StormReplies, 1, 1000, problems),
            StormMinutes = Number(columns, "StormMinutes", defaults.StormMinutes, 1, 24 * 60, problems),
            CatalogId = columns.Text("CatalogId"),
            CatalogueNoMatchText = Text(columns, "CatalogueNoMatchText", WhatsAppLimits.TextBody, "a text message", problems),
            OrderReplyText = Text(columns, "OrderReplyText", WhatsAppLimits.TextBody, "a text message", problems),
            RestockDays = Number(columns, "RestockDays", defaults.RestockDays, 1, 365, problems),
            WabaId = WabaId(columns, problems),
        };
    }

    /// <summary>The WhatsApp Business Account id: digits, like every Graph id (it goes into a URL).</summary>
    private static string? WabaId(ColumnReader columns, List<RuleProblem> problems)
    {
        var text = columns.Text("WabaId");
        if (text is null || (text.Length <= Identifiers.PhoneNumberId.MaxDigits && text.All(char.IsAsciiDigit)))
        {
            return text;
        }

        problems.Add(columns.Problem($"WabaId '{text}' is not a WhatsApp Business Account id (digits only, at most {Identifiers.PhoneNumberId.MaxDigits}); it is not used") with { Column = "WabaId" });
        return null;
    }

    private static TimeZoneInfo TimeZone(ColumnReader columns, List<RuleProblem> problems)
    {
        var id = columns.Text("TimeZone");
        if (id is null)
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            problems.Add(columns.Problem($"TimeZone '{id}' is not a known IANA time zone (e.g. Europe/Paris); UTC is used instead"));
            return TimeZoneInfo.Utc;
        }
    }

    private static CultureInfo Culture(ColumnReader columns, List<RuleProblem> problems)
    {
        var name = columns.Text("Culture");
        if (name is null)
        {
            return BusinessSettings.Default.Culture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            problems.Add(columns.Problem($"Culture '{name}' is not a known culture (e.g. fr-FR); en-US is used instead"));
            return BusinessSettings.Default.Culture;
        }
    }

    private static AwayMode Away(ColumnReader columns, List<RuleProblem> problems)
    {
        var text = columns.Text("AwayMode");
        if (text is null)
        {
            return AwayMode.OutsideHours;
        }

        if (Enum.TryParse<AwayMode>(text.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode)
            && Enum.IsDefined(mode))
        {
            return mode;
        }

        problems.Add(columns.Problem($"AwayMode '{text}' is not OutsideHours, Always or Off; OutsideHours is used instead"));
        return AwayMode.OutsideHours;
    }

    private static string? Text(ColumnReader columns, string column, int limit, string what, List<RuleProblem> problems)
    {
        var text = columns.Text(column);
        if (columns.TooLong(column, text, limit, what, "it is not used") is { } tooLong)
        {
            problems.Add(tooLong);
            return null;
        }

        return text;
    }

    private static int Number(ColumnReader columns, string column, int fallback, int min, int max, List<RuleProblem> problems)
    {
        var value = columns.Int(column, out var valid);
        if (!valid || value is < 0 || value < min || value > max)
        {
            problems.Add(columns.Problem($"{column} '{columns.Text(column)}' is not a whole number from {min} to {max}; {fallback} is used instead"));
            return fallback;
        }

        return value ?? fallback;
    }

    private static bool Flag(ColumnReader columns, string column, List<RuleProblem> problems)
    {
        var value = columns.Bool(column, out var valid);
        if (!valid)
        {
            problems.Add(columns.Problem($"{column} '{columns.Text(column)}' is not true or false; false is used instead"));
        }

        return value ?? false;
    }
}
