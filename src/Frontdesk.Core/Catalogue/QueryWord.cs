namespace Frontdesk.Core.Catalogue;

/// <summary>A meaningful query word: its stem, the folded word itself, and whether a typo may be forgiven.</summary>
internal readonly record struct QueryWord(string Stem, string Word, bool TypoAllowed);
