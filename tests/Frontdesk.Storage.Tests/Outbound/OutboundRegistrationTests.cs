using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Core;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage.Outbound;
using Frontdesk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Storage.Tests.Outbound;

/// <summary>The registration the Functions host and DevHost use, against Azurite (the only user of the real names here).</summary>
public sealed class OutboundRegistrationTests(AzuriteFixture azurite)
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFrontdeskCore(configuration).AddFrontdeskStorage(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task AddFrontdeskStorage_ConnectionString_EnqueuesBase64OnOutboundMessages()
    {
        await using var provider = Provider(new() { [StorageNames.Connection] = azurite.ConnectionString });

        await provider.GetRequiredService<IOutboundQueue>().EnqueueAsync(Builders.Message("wamid.REG:0"), cancellationToken: TestContext.Current.CancellationToken);

        var raw = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(StorageNames.Queues.OutboundMessages);
        var message = (await raw.ReceiveMessageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.Equal("wamid.REG:0", OutboundQueue.Deserialize(json).IdempotencyKey);
        Assert.IsType<ConsoleWhatsAppSender>(provider.GetRequiredService<ConsoleWhatsAppSender>());
        Assert.NotNull(provider.GetRequiredService<OutboundSender>());
        Assert.IsType<SendLedgerStore>(provider.GetRequiredService<ISendLedger>());
        Assert.IsType<OutboundStatusStore>(provider.GetRequiredService<IStatusStore>());
    }

    [Fact]
    public async Task AddFrontdeskStorage_IdentityBasedSettings_GiveTheConfiguredServiceUris()
    {
        await using var provider = Provider(new()
        {
            [$"{StorageNames.Connection}:tableServiceUri"] = "https://acct.table.core.windows.net",
            [$"{StorageNames.Connection}:queueServiceUri"] = "https://acct.queue.core.windows.net",
            [$"{StorageNames.Connection}:credential"] = "managedidentity",
            [$"{StorageNames.Connection}:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["WhatsApp:AccessToken"] = "token",
            ["WhatsApp:AppSecret"] = "app-secret",
            ["WhatsApp:VerifyToken"] = "verify-token",
        });

        Assert.Equal("https://acct.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);
        Assert.Equal("https://acct.queue.core.windows.net/", provider.GetRequiredService<QueueServiceClient>().Uri.AbsoluteUri);
        Assert.IsType<GraphWhatsAppClient>(provider.GetRequiredService<GraphWhatsAppClient>());
    }

    [Fact]
    public async Task AddFrontdeskStorage_MissingStorageSettings_SayWhichSettingToSet()
    {
        await using var provider = Provider([]);
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<TableServiceClient>());
        Assert.Contains("FrontdeskStorage__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }
}
