using Frontdesk.Core.Catalogue;

namespace Frontdesk.Testing;

/// <summary>An in-memory index provider: the responder's port without storage.</summary>
public sealed class FixedIndexProvider(CatalogueIndex index) : ICatalogueIndexProvider
{
    public List<string> Asked { get; } = [];

    /// <summary>The real responder over an empty catalogue: what a business without products answers.</summary>
    public static ICatalogueResponder EmptyCatalogue() => new CatalogueResponder(new FixedIndexProvider(CatalogueIndex.Empty));

    public ValueTask<CatalogueIndex> GetAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        Asked.Add(phoneNumberId);
        return ValueTask.FromResult(index);
    }
}
