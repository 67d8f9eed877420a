namespace Frontdesk.Core.Catalogue;

/// <summary>What a catalogue CSV held: the good rows and the rejected ones, in file order.</summary>
public sealed record CatalogueParseResult(IReadOnlyList<ParsedProduct> Products, IReadOnlyList<RejectedRow> Rejected);
