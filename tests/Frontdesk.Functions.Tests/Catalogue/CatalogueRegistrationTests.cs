using Frontdesk.Core.Catalogue;
using Frontdesk.Storage;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Functions.Tests.Catalogue;

[Collection(CatalogueAzuriteCollection.Name)]
public sealed class CatalogueRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddFrontdeskFunctions_Catalogue_ResolvesTheResponderOverTheSameCacheTheImporterRefreshes()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.Connection] = azurite.ConnectionString })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddFrontdeskFunctions(configuration).BuildServiceProvider();

        var responder = provider.GetRequiredService<ICatalogueResponder>();
        var indexes = provider.GetRequiredService<ICatalogueIndexProvider>();
        var invalidator = provider.GetRequiredService<ICatalogueIndexInvalidator>();

        Assert.IsType<CatalogueResponder>(responder);
        Assert.Same(indexes, invalidator);
        Assert.NotNull(provider.GetRequiredService<CatalogueImporter>());
        Assert.Single(provider.GetServices<ICatalogueResponder>());
    }
}
