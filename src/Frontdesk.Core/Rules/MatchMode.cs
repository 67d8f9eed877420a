namespace Frontdesk.Core.Rules;

/// <summary>How a rule's keywords are compared with a message (Rules column <c>Match</c>).</summary>
public enum MatchMode
{
    /// <summary>Whole words, case- and accent-insensitive.</summary>
    Word,

    /// <summary>The whole message, case- and accent-insensitive, surrounding punctuation and spaces ignored.</summary>
    Exact,

    /// <summary>Anywhere in the message, case- and accent-insensitive.</summary>
    Contains,

    /// <summary>A .NET regular expression (case-insensitive) run with a timeout.</summary>
    Regex,
}
