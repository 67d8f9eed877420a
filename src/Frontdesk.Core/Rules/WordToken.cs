namespace Frontdesk.Core.Rules;

/// <summary>One word of a message: where it sits in the original text and its normalized form.</summary>
public readonly record struct WordToken(int Start, int Length, string Normalized);
