namespace Frontdesk.Core.Identifiers;

/// <summary>
/// A business number's <c>phone_number_id</c> (Meta's digits), or <c>default</c>, the partition of rows every number
/// shares. The one place it is checked: every endpoint, command and webhook reader parses it here, and a parsed id is
/// safe as a table key, in a query filter, a blob name or a log line as it is (digits, or the word <c>default</c>).
/// </summary>
public readonly record struct PhoneNumberId
{
    /// <summary>Meta's ids have 15 or 16 digits today; 20 leaves room without letting a string of any length through.</summary>
    public const int MaxDigits = 20;

    /// <summary>The partition of the rows (rules, catalogue) every number without its own row uses.</summary>
    public const string DefaultPartition = "default";

    /// <summary>What a valid id looks like, for the messages that refuse one.</summary>
    public const string Format = "the business number's phone_number_id: digits only, at most 20";

    private PhoneNumberId(string value) => Value = value;

    /// <summary>The shared <c>default</c> partition.</summary>
    public static PhoneNumberId Default { get; } = new(DefaultPartition);

    /// <summary>The digits (or <c>default</c>); also its PartitionKey in every table, unescaped because it needs no escaping.</summary>
    public string Value { get => field ?? string.Empty; }

    public bool IsDefault => Value == DefaultPartition;

    /// <summary>A phone_number_id: 1 to <see cref="MaxDigits"/> ASCII digits, surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out PhoneNumberId id)
    {
        var trimmed = text?.Trim();
        id = IsDigits(trimmed) ? new PhoneNumberId(trimmed!) : default;
        return id.Value.Length > 0;
    }

    /// <summary>A phone_number_id, or <c>default</c> (any case) for the shared partition.</summary>
    public static bool TryParsePartition(string? text, out PhoneNumberId id)
    {
        if (string.Equals(text?.Trim(), DefaultPartition, StringComparison.OrdinalIgnoreCase))
        {
            id = Default;
            return true;
        }

        return TryParse(text, out id);
    }

    /// <summary>Parses an id the caller already trusts (read back from our own tables or queues).</summary>
    /// <exception cref="FormatException">It is neither a phone_number_id nor <c>default</c>.</exception>
    public static PhoneNumberId Parse(string? text) =>
        TryParsePartition(text, out var id) ? id : throw new FormatException($"'{Shorten(text)}' is not {Format}, nor '{DefaultPartition}'.");

    public override string ToString() => Value;

    /// <summary>At most 40 characters of an untrusted value, for a message that quotes it back.</summary>
    internal static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static bool IsDigits(string? text) =>
        text is { Length: > 0 and <= MaxDigits } && text.All(char.IsAsciiDigit);
}
