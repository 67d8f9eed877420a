namespace Frontdesk.Core.Catalogue;

/// <summary>A product read from a CSV, with the line it started on (for error reports after storage).</summary>
public sealed record ParsedProduct(int Line, Product Product);
