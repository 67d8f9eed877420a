namespace Frontdesk.Core.Catalogue;

/// <summary>
/// One shared instance per distinct string, for the values a catalogue repeats on every row (currency, collection,
/// keywords): a table read otherwise creates 100,000 copies of "EUR". Used for one read, then dropped.
/// Not thread-safe.
/// </summary>
public sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _strings.TryGetValue(value, out var shared) ? shared : Add(value);
    }

    public string? InternOrNull(string? value) => value is null ? null : Intern(value);

    public string[] Intern(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Intern(values[i]);
        }

        return values;
    }

    private string Add(string value)
    {
        _strings.Add(value);
        return value;
    }
}
