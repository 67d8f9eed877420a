using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Storage.Tests;

public sealed class StorageRegistrationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddFrontdeskStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void ConnectionString_BuildsEveryClientOnIt()
    {
        using var provider = Provider(new() { ["FrontdeskStorage"] = Testing.AzuriteServer.ConnectionStringFor(10000, 10001, 10002) });

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), provider.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), provider.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void IdentityBasedSettings_UseTheServiceUris()
    {
        using var provider = Provider(new()
        {
            ["FrontdeskStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["FrontdeskStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["FrontdeskStorage:credential"] = "managedidentity",
            ["FrontdeskStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal("acct", provider.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), provider.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void AccountName_BuildsTheServiceUris()
    {
        using var provider = Provider(new() { ["FrontdeskStorage:accountName"] = "frontdesk" });

        Assert.Equal(new Uri("https://frontdesk.blob.core.windows.net"), provider.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void NoConnection_FailsWithAMessageThatSaysWhatToSet()
    {
        using var provider = Provider([]);

        var error = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<TableServiceClient>);

        Assert.Contains("FrontdeskStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }
}
