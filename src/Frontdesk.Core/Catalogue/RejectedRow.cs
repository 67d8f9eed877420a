namespace Frontdesk.Core.Catalogue;

/// <summary>A CSV row the import refused: its first line in the file (the header is line 1), its id if any, and why.</summary>
public sealed record RejectedRow(int Line, string? Id, string Reason);
