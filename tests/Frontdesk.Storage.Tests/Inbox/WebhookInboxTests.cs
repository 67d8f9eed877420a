using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Frontdesk.Core;
using Frontdesk.Core.Webhooks;
using Frontdesk.Storage.Inbox;
using Frontdesk.Testing;
using Microsoft.Extensions.Configuration;

namespace Frontdesk.Storage.Tests.Inbox;

public sealed class WebhookInboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _prefix = TestNames.Prefix();
    private QueueClient _queue = null!;
    private BlobContainerClient _container = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        _queue = new QueueClient(azurite.ConnectionString, _prefix + "-inbox", options);
        _container = new BlobContainerClient(azurite.ConnectionString, _prefix + "-bodies");
        await _queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await _container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task StoreAsync_SmallBody_QueuesItByteForByte()
    {
        var body = WebhookFixtures.Read("text.json");

        var pieces = await Inbox().StoreAsync(body, TestContext.Current.CancellationToken);

        Assert.Equal(1, pieces);
        var stored = await DrainAsync();
        Assert.Equal(body, Assert.Single(stored).Body.ToArray());
    }

    [Fact]
    public async Task StoreAsync_ThreeMegabyteBatch_SplitsIntoQueueMessagesHoldingEveryMessage()
    {
        var body = BigBatch(messages: 1000, textLength: 2_900);

        var pieces = await Inbox().StoreAsync(body, TestContext.Current.CancellationToken);

        Assert.True(body.Length > 2_900_000, $"body is {body.Length} bytes");
        var stored = await DrainAsync();
        Assert.Equal(pieces, stored.Count);
        Assert.All(stored, s => Assert.Null(s.ClaimCheckBlob));
        Assert.Equal(MessageIds(body), stored.SelectMany(s => MessageIds(s.Body.ToArray())).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StoreAsync_SingleMessageOverQueueLimit_GoesByClaimCheckAndIsDeletedWhenDone()
    {
        var body = BigBatch(messages: 1, textLength: 100_000);
        var reader = new InboxReader(_container);

        await Inbox().StoreAsync(body, TestContext.Current.CancellationToken);

        var stored = Assert.Single(await DrainAsync());
        Assert.NotNull(stored.ClaimCheckBlob);
        Assert.Equal(body.Length, stored.Body.Length);
        Assert.Equal(MessageIds(body), MessageIds(stored.Body.ToArray()));
        await reader.CompleteAsync(stored, TestContext.Current.CancellationToken);
        Assert.False(await _container.GetBlobClient(stored.ClaimCheckBlob).ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StoreAsync_StorageUnreachable_ThrowsStorageUnavailable()
    {
        var nowhere = AzuriteServer.ConnectionStringFor(AzuriteServer.FreePort(), AzuriteServer.FreePort(), AzuriteServer.FreePort());
        var account = StorageAccount.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection([new("FrontdeskStorage", nowhere)]).Build(),
            StorageNames.Connection);
        var inbox = new WebhookInbox(account.Queues.GetQueueClient("webhook-inbox"), account.Blobs.GetBlobContainerClient("webhook-bodies"), TimeProvider.System, new QueueSignals());

        await Assert.ThrowsAsync<StorageUnavailableException>(() => inbox.StoreAsync(WebhookFixtures.Read("text.json"), TestContext.Current.CancellationToken));
    }

    private WebhookInbox Inbox() => new(_queue, _container, TimeProvider.System, new QueueSignals());

    private async Task<List<InboxBody>> DrainAsync()
    {
        var reader = new InboxReader(_container);
        var bodies = new List<InboxBody>();
        while (true)
        {
            var batch = (await _queue.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value;
            if (batch.Length == 0)
            {
                return bodies;
            }

            foreach (var message in batch)
            {
                bodies.Add(await reader.ReadAsync(message.Body, TestContext.Current.CancellationToken)
                    ?? throw new InvalidOperationException($"claim-checked body of message {message.MessageId} is missing"));
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, TestContext.Current.CancellationToken);
            }
        }
    }

    private static List<string> MessageIds(byte[] body) =>
        WebhookParser.Parse(body).Messages.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();

    private static byte[] BigBatch(int messages, int textLength)
    {
        var list = new JsonArray();
        for (var i = 0; i < messages; i++)
        {
            list.Add(new JsonObject
            {
                ["from"] = "15550199991",
                ["id"] = $"wamid.BIG{i:D4}",
                ["timestamp"] = "1795600680",
                ["type"] = "text",
                ["text"] = new JsonObject { ["body"] = new string('a', textLength) },
            });
        }

        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "100000000000001",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["phone_number_id"] = "200000000000001" },
                        ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = "15550199991", ["profile"] = new JsonObject { ["name"] = "A" } }),
                        ["messages"] = list,
                    },
                }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
