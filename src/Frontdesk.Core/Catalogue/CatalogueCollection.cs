namespace Frontdesk.Core.Catalogue;

/// <summary>A collection and how many products it holds.</summary>
public sealed record CatalogueCollection(string Name, int Count);
