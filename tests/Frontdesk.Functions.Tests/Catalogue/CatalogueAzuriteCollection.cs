namespace Frontdesk.Functions.Tests.Catalogue;

[CollectionDefinition(Name)]
public sealed class CatalogueAzuriteCollection : ICollectionFixture<CatalogueAzurite>
{
    public const string Name = "Catalogue on Azurite";
}
