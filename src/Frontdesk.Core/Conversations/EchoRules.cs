using System.Globalization;
using System.Text.RegularExpressions;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Text;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Tells apart what comes back as an echo (the caller has already ruled out Frontdesk's own sends): a <c>#bot</c>
/// command, the Business app's automatic greeting or away message, or a person answering. The rule, in this order:
/// <list type="number">
/// <item>a text <c>#bot on</c> / <c>#bot off</c> / <c>#bot off 4h</c> (<c>m</c>, <c>h</c>, <c>d</c>; hours when no
/// unit; no duration: until <c>#bot on</c>) is a command;</item>
/// <item>a text equal to one of the Settings column <c>BusinessAppAutoTexts</c> (separated by <c>|</c>, compared
/// ignoring case, accents, punctuation and spacing) is the app's automation;</item>
/// <item>anything else, of any type (text, photo, voice note, edit, deletion), is a person.</item>
/// </list>
/// </summary>
public static partial class EchoRules
{
    /// <summary>"Until #bot on": the largest time a table cell shows plainly.</summary>
    public static readonly DateTimeOffset Indefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static EchoVerdict Classify(MessageEcho echo, BusinessSettings settings, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(echo);
        ArgumentNullException.ThrowIfNull(settings);
        if (echo.Content is TextContent text)
        {
            var command = BotCommand().Match(text.Body);
            if (command.Success)
            {
                if (command.Groups["switch"].Value.Equals("on", StringComparison.OrdinalIgnoreCase))
                {
                    return new EchoVerdict(EchoKind.BotOn, null, "#bot on");
                }

                var length = Duration(command);
                return length is { } span
                    ? new EchoVerdict(EchoKind.BotOff, at.Add(span), $"#bot off for {Describe(span)}")
                    : new EchoVerdict(EchoKind.BotOff, Indefinitely, "#bot off until #bot on");
            }

            var folded = TextNormaliser.Collapse(text.Body);
            if (folded.Length > 0 && settings.BusinessAppAutoTexts.Any(t => TextNormaliser.Collapse(t) == folded))
            {
                return new EchoVerdict(EchoKind.AppAutomation, null, "the text is one of BusinessAppAutoTexts");
            }
        }

        return settings.HumanPauseHours == 0
            ? new EchoVerdict(EchoKind.Human, null, "HumanPauseHours is 0: the owner's reply pauses nothing")
            : new EchoVerdict(EchoKind.Human, at.AddHours(settings.HumanPauseHours), $"the owner answered from the WhatsApp Business app (HumanPauseHours {settings.HumanPauseHours})");
    }

    private static TimeSpan? Duration(Match command)
    {
        if (!command.Groups["amount"].Success)
        {
            return null;
        }

        var amount = int.Parse(command.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return char.ToUpperInvariant(command.Groups["unit"].Value.FirstOrDefault('h')) switch
        {
            'M' => TimeSpan.FromMinutes(amount),
            'D' => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays} d")
            : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
                ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours} h")
                : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes} min");

    [GeneratedRegex(@"^\s*#\s*bot\s+(?<switch>on|off)(?:\s+(?<amount>\d{1,4})\s*(?<unit>m|mins?|minutes?|h|hrs?|hours?|d|days?)?)?\s*[.!]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex BotCommand();
}
