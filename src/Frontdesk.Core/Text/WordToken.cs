namespace Frontdesk.Core.Text;

/// <summary>
/// One word of a text: where it sits in the original (so a matched keyword can be cut out) and its folded form.
/// Pieces of one character that folds to several words (½ → 1, 2) share that character's place.
/// </summary>
public readonly record struct WordToken(int Start, int Length, string Normalized);
