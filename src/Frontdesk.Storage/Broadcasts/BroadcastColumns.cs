using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Storage.Broadcasts;

/// <summary>
/// The Broadcasts table's rows: the summary (RowKey <see cref="SummaryRow"/>) and one row per recipient (RowKey the
/// wa_id). Read forgivingly (a person may edit a row in the portal), written with proper types for the portal.
/// </summary>
internal static class BroadcastColumns
{
    public const string SummaryRow = "summary";

    public static BroadcastSummary ReadSummary(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        PhoneNumberId = Text(e, "PhoneNumberId") ?? "",
        Name = Text(e, "Name"),
        Purpose = Text(e, "Template") ?? "",
        Marketing = string.Equals(Text(e, "Category"), "marketing", StringComparison.OrdinalIgnoreCase),
        State = Enum.TryParse<BroadcastState>(Text(e, "State"), ignoreCase: true, out var state) ? state : BroadcastState.Paused,
        Planned = Int(e, "Planned"),
        Sent = Int(e, "Sent"),
        Delivered = Int(e, "Delivered"),
        Read = Int(e, "Read"),
        Failed = Int(e, "Failed"),
        Skipped = Int(e, "Skipped"),
        Deferred = Int(e, "Deferred"),
        Cancelled = Int(e, "Cancelled"),
        Unknown = Int(e, "Unknown"),
        Settled = Int(e, "Settled"),
        FirstErrors = [.. (Text(e, "FirstErrors") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Parameters = Text(e, "Parameters") is { } json ? Parameters(json) : new Dictionary<string, string>(),
        CreatedAt = Time(e, "CreatedAt") ?? DateTimeOffset.UnixEpoch,
        StartAt = Time(e, "StartAt"),
        StartedAt = Time(e, "StartedAt"),
        FinishedAt = Time(e, "FinishedAt"),
        LastSentAt = Time(e, "LastSentAt"),
        MessagesPerSecond = Double(e, "MessagesPerSecond"),
        BackoffUntil = Time(e, "BackoffUntil"),
        NextWindowAt = Time(e, "NextWindowAt"),
        Warning = Text(e, "Warning"),
        FanoutToken = Text(e, "FanoutToken") ?? "",
        Version = e.ETag.ToString(),
    };

    public static TableEntity WriteSummary(BroadcastSummary s)
    {
        var e = new TableEntity(s.Id, SummaryRow)
        {
            ["PhoneNumberId"] = s.PhoneNumberId,
            ["Template"] = s.Purpose,
            ["Category"] = s.Marketing ? "marketing" : "utility",
            ["State"] = s.State.ToString(),
            ["Planned"] = s.Planned,
            ["Sent"] = s.Sent,
            ["Delivered"] = s.Delivered,
            ["Read"] = s.Read,
            ["Failed"] = s.Failed,
            ["Skipped"] = s.Skipped,
            ["Deferred"] = s.Deferred,
            ["Cancelled"] = s.Cancelled,
            ["Unknown"] = s.Unknown,
            ["Settled"] = s.Settled,
            ["CreatedAt"] = s.CreatedAt,
            ["MessagesPerSecond"] = s.MessagesPerSecond,
            ["FanoutToken"] = s.FanoutToken,
        };
        Set(e, "Name", s.Name);
        Set(e, "FirstErrors", s.FirstErrors.Count == 0 ? null : string.Join('\n', s.FirstErrors));
        Set(e, "Parameters", s.Parameters.Count == 0 ? null : JsonSerializer.Serialize(new Dictionary<string, string>(s.Parameters), BroadcastJsonContext.Default.DictionaryStringString));
        Set(e, "StartAt", s.StartAt);
        Set(e, "StartedAt", s.StartedAt);
        Set(e, "FinishedAt", s.FinishedAt);
        Set(e, "LastSentAt", s.LastSentAt);
        Set(e, "BackoffUntil", s.BackoffUntil);
        Set(e, "NextWindowAt", s.NextWindowAt);
        Set(e, "Warning", s.Warning);
        return e;
    }

    public static BroadcastRecipient ReadRecipient(TableEntity e) => new()
    {
        WaId = e.RowKey,
        State = Enum.TryParse<RecipientState>(Text(e, "State"), ignoreCase: true, out var state) ? state : RecipientState.Planned,
        Name = Text(e, "Name"),
        Delivered = e.GetBoolean("Delivered") ?? false,
        Read = e.GetBoolean("Read") ?? false,
        Error = Text(e, "Error"),
        NotBefore = Time(e, "NotBefore"),
        QueuedAt = Time(e, "QueuedAt"),
        Version = e.ETag.ToString(),
    };

    public static TableEntity WriteRecipient(string broadcastId, BroadcastRecipient r)
    {
        var e = new TableEntity(broadcastId, TableKey.Encode(r.WaId))
        {
            ["State"] = r.State.ToString(),
            ["Delivered"] = r.Delivered,
            ["Read"] = r.Read,
        };
        Set(e, "Name", r.Name);
        Set(e, "Error", r.Error);
        Set(e, "NotBefore", r.NotBefore);
        Set(e, "QueuedAt", r.QueuedAt);
        return e;
    }

    private static Dictionary<string, string> Parameters(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, BroadcastJsonContext.Default.DictionaryStringString) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Set(TableEntity entity, string column, object? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    private static object? Value(TableEntity e, string column) => e.TryGetValue(column, out var value) ? value : null;

    private static string? Text(TableEntity e, string column) => Value(e, column) switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private static int Int(TableEntity e, string column) => Value(e, column) switch
    {
        int i => i,
        long l => (int)l,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };

    private static double Double(TableEntity e, string column) => Value(e, column) switch
    {
        double d => d,
        int i => i,
        long l => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };

    private static DateTimeOffset? Time(TableEntity e, string column) => Value(e, column) switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };
}
