using Frontdesk.Testing;

namespace Frontdesk.Functions.Tests.Catalogue;

/// <summary>The catalogue's Azurite tests share one <see cref="AzuriteFixture"/>; each class uses its own table or partition.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogueAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Catalogue on Azurite";
}
