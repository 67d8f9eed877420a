namespace Frontdesk.DevHost.Tests.Commands;

[CollectionDefinition(Name)]
public sealed class CatalogueAzuriteCollection : ICollectionFixture<CatalogueAzurite>
{
    public const string Name = "Catalogue on Azurite";
}
