using System.Globalization;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;

namespace Frontdesk.Storage.Contacts;

/// <summary>
/// The Contacts row's columns. Read forgivingly, because a person may edit a row in the portal and turn a
/// DateTime into a String or a Boolean into "yes"; written with proper types so the portal shows them well.
/// </summary>
internal static class ContactColumns
{
    public const string Name = nameof(ContactState.Name);
    public const string FirstSeen = nameof(ContactState.FirstSeen);
    public const string LastInbound = nameof(ContactState.LastInbound);
    public const string LastGreeting = nameof(ContactState.LastGreeting);
    public const string LastAway = nameof(ContactState.LastAway);
    public const string Labels = nameof(ContactState.Labels);
    public const string OptedOut = nameof(ContactState.OptedOut);
    public const string BotPausedUntil = nameof(ContactState.BotPausedUntil);
    public const string PauseReason = nameof(ContactState.PauseReason);
    public const string PausedAt = nameof(ContactState.PausedAt);
    public const string LastReaction = nameof(ContactState.LastReaction);
    public const string LastReactionAt = nameof(ContactState.LastReactionAt);
    public const string MarketingOptOut = nameof(ContactState.MarketingOptOut);
    public const string RecentReplies = nameof(ContactState.RecentReplies);

    public static ContactState Read(TableEntity entity) => new(
        Text(entity, Name),
        Time(entity, FirstSeen),
        Time(entity, LastInbound),
        Time(entity, LastGreeting),
        Time(entity, LastAway),
        [.. (Text(entity, Labels) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)],
        Flag(entity, OptedOut),
        Time(entity, BotPausedUntil))
    {
        PauseReason = Text(entity, PauseReason),
        PausedAt = Time(entity, PausedAt),
        LastReaction = Text(entity, LastReaction),
        LastReactionAt = Time(entity, LastReactionAt),
        MarketingOptOut = Flag(entity, MarketingOptOut),
        RecentReplies = Marks(Text(entity, RecentReplies)),
    };

    public static TableEntity Write(string phoneNumberId, string waId, ContactState state)
    {
        var entity = new TableEntity(phoneNumberId, waId)
        {
            [OptedOut] = state.OptedOut,
            [Labels] = string.Join(", ", state.Labels),
        };
        Set(entity, Name, state.Name);
        Set(entity, FirstSeen, state.FirstSeen);
        Set(entity, LastInbound, state.LastInbound);
        Set(entity, LastGreeting, state.LastGreeting);
        Set(entity, LastAway, state.LastAway);
        Set(entity, BotPausedUntil, state.BotPausedUntil);
        Set(entity, PauseReason, state.PauseReason);
        Set(entity, PausedAt, state.PausedAt);
        Set(entity, LastReaction, state.LastReaction);
        Set(entity, LastReactionAt, state.LastReactionAt);
        if (state.MarketingOptOut)
        {
            entity[MarketingOptOut] = true;
        }

        if (state.RecentReplies.Count > 0)
        {
            entity[RecentReplies] = string.Join("; ", state.RecentReplies.Select(m =>
                string.Create(CultureInfo.InvariantCulture, $"{m.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {m.Count} {m.MessageId}")));
        }

        return entity;
    }

    /// <summary>"2026-11-25T10:00:00Z 2 wamid.X; …": a mark a person mangled is dropped, not the row.</summary>
    private static IReadOnlyList<ReplyMark> Marks(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var marks = new List<ReplyMark>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3
                && DateTimeOffset.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                marks.Add(new ReplyMark(at, count, fields[2]));
            }
        }

        return marks;
    }

    private static void Set(TableEntity entity, string column, object? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    private static object? Value(TableEntity entity, string column) =>
        entity.FirstOrDefault(p => p.Key.Equals(column, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(TableEntity entity, string column) =>
        Value(entity, column) switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };

    private static DateTimeOffset? Time(TableEntity entity, string column) => Value(entity, column) switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),

        // A time typed by hand without an offset is taken as UTC, like every time the table shows.
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) => parsed,
        _ => null,
    };

    private static bool Flag(TableEntity entity, string column) => Value(entity, column) switch
    {
        bool b => b,
        int i => i != 0,
        long l => l != 0,
        string s => s.Trim().ToUpperInvariant() is "TRUE" or "YES" or "Y" or "1" or "ON" or "OUI",
        _ => false,
    };
}
