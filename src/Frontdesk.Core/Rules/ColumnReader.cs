using System.Globalization;

namespace Frontdesk.Core.Rules;

/// <summary>
/// Reads the columns of one row forgivingly: names case-insensitive, values trimmed, numbers and booleans typed as
/// text or as real table types (people switch between both in the portal).
/// </summary>
internal sealed class ColumnReader(TableRow row)
{
    private readonly Dictionary<string, object?> _columns = new(row.Columns, StringComparer.OrdinalIgnoreCase);

    public TableRow Row => row;

    /// <summary>The trimmed text of a column; null when missing or blank.</summary>
    public string? Text(string column)
    {
        if (!_columns.TryGetValue(column, out var value) || value is null)
        {
            return null;
        }

        var text = value switch
        {
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A yes/no column: true/yes/1/on and false/no/0/off, any case; null when missing.</summary>
    public bool? Bool(string column, out bool valid)
    {
        valid = true;
        if (_columns.TryGetValue(column, out var value) && value is bool b)
        {
            return b;
        }

        var text = Text(column);
        switch (text?.ToUpperInvariant())
        {
            case null: return null;
            case "TRUE" or "YES" or "Y" or "1" or "ON" or "OUI": return true;
            case "FALSE" or "NO" or "N" or "0" or "OFF" or "NON": return false;
            default:
                valid = false;
                return null;
        }
    }

    /// <summary>A whole number; null when missing; <paramref name="valid"/> false when present but not a number.</summary>
    public int? Int(string column, out bool valid)
    {
        valid = true;
        if (_columns.TryGetValue(column, out var value))
        {
            switch (value)
            {
                case int i: return i;
                case long l when l is >= int.MinValue and <= int.MaxValue: return (int)l;
                case double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue: return (int)d;
            }
        }

        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        valid = false;
        return null;
    }

    public RuleProblem Problem(string problem) =>
        new(row.Table.ToString(), row.PartitionKey, row.RowKey, problem);

    /// <summary>
    /// The problem of a text over one of Meta's limits, or null when it fits: "{column} has {length} characters, more
    /// than the {limit} WhatsApp allows for {what}; {consequence}" (<paramref name="label"/> in place of the column's name when given).
    /// </summary>
    public RuleProblem? TooLong(string column, string? text, int limit, string what, string consequence, string? label = null) =>
        text is null || text.Length <= limit
            ? null
            : Problem($"{label ?? column} has {text.Length} characters, more than the {limit} WhatsApp allows for {what}; {consequence}")
                with { Column = column, Length = text.Length, Limit = limit };
}
