using System.Globalization;
using CsvHelper;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// Reads a broadcast audience CSV: <c>wa_id[,name]</c> per line, an optional header line starting with <c>wa_id</c>,
/// Lines are returned as written (with their line number); <see cref="BroadcastPlanner"/>
/// checks each wa_id. A line with more than two fields is a problem named by its line.
/// </summary>
public static class BroadcastCsv
{
    public static (IReadOnlyList<AudienceEntry> Entries, IReadOnlyList<BroadcastProblem> Problems) Parse(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var entries = new List<AudienceEntry>();
        var problems = new List<BroadcastProblem>();
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => problems.Add(new BroadcastProblem(
                $"line {record.LineNumber}", $"line {record.LineNumber} is malformed CSV ({record.Reason}); a line is wa_id[,name]")),
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var first = true;
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var waId = reader.FieldCount > 0 ? reader.GetString(0).Trim() : "";
            if (first && waId.Equals("wa_id", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            if (reader.FieldCount > 2 && Enumerable.Range(2, reader.FieldCount - 2).Any(i => !string.IsNullOrWhiteSpace(reader.GetString(i))))
            {
                problems.Add(new BroadcastProblem($"line {line}", $"line {line} has {reader.FieldCount} fields; a line is wa_id[,name]"));
                continue;
            }

            var name = reader.FieldCount > 1 && !string.IsNullOrWhiteSpace(reader.GetString(1)) ? reader.GetString(1).Trim() : null;
            entries.Add(new AudienceEntry($"line {line}", waId, name));
        }

        return (entries, problems);
    }
}
