using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue;

/// <summary>An in-memory index provider: the responder's port without storage.</summary>
internal sealed class FixedIndexProvider(CatalogueIndex index) : ICatalogueIndexProvider
{
    public List<string> Asked { get; } = [];

    public ValueTask<CatalogueIndex> GetAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        Asked.Add(phoneNumberId);
        return ValueTask.FromResult(index);
    }
}
