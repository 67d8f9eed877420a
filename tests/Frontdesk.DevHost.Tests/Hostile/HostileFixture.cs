using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.DevHost.Tests.Hostile;

/// <summary>
/// One DevHost on a fresh Azurite (the demo bakery seeded) with a fake Graph API and every log line recorded, for
/// the hostile-input suite: what was queued, poisoned or written is read back from the real queues and tables.
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    /// <summary>The access token given to DevHost: it must never appear in an answer or the log.</summary>
    public const string AccessToken = "hostile-suite-access-token";

    private static readonly string[] s_writtenTables =
    [
        StorageNames.Tables.Contacts, StorageNames.Tables.HandledMessages, StorageNames.Tables.Catalogue,
        StorageNames.Tables.OutboundLedger, StorageNames.Tables.OutboundStatuses,
        StorageNames.Tables.Rules, StorageNames.Tables.Settings, StorageNames.Tables.Hours, StorageNames.Tables.QuickReplies,
        StorageNames.Tables.Components, StorageNames.Tables.ConsoleOutbox, StorageNames.Tables.Broadcasts, StorageNames.Tables.BroadcastReach,
    ];

    private int _customers;

    public AzuriteServer Azurite { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public DevHostRun Host { get; private set; } = null!;

    public LogRecorder Log { get; } = new();

    /// <summary>Wednesday 10:58 in Paris: the demo bakery is open.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero));

    /// <summary>Every secret DevHost holds.</summary>
    public IReadOnlyList<string> Secrets { get; } = [DevHostRun.AppSecret, DevHostRun.VerifyToken, DevHostRun.FunctionKey, AccessToken];

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
        Host = await DevHostRun.StartAsync(
            Azurite,
            new Dictionary<string, string?>
            {
                ["WhatsApp:AccessToken"] = AccessToken,
                ["WhatsApp:GraphBaseUrl"] = Graph.BaseUrl.ToString(),
            },
            services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<ILoggerProvider>(Log));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>A customer nobody has written as yet, so the first message gets the greeting.</summary>
    public string NewCustomer() => $"3360{Interlocked.Increment(ref _customers):D7}";

    /// <summary>Rows in the tables a message or an import writes, and messages in the queues, poison queues included.</summary>
    public async Task<StorageSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in s_writtenTables)
        {
            try
            {
                rows[name] = await new TableClient(Azurite.ConnectionString, name).QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken).CountAsync(cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                rows[name] = 0;
            }
        }

        var queues = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in StorageNames.Queues.All)
        {
            var queue = new QueueClient(Azurite.ConnectionString, name);
            queues[name] = await queue.ExistsAsync(cancellationToken) ? (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount : 0;
        }

        return new StorageSnapshot(rows, queues, Graph.Requests.Count);
    }

    /// <summary>Waits until the inbox and the outbound queue are empty: every delivery so far has run.</summary>
    public async Task WaitForQueuesDrainedAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var name in new[] { StorageNames.Queues.WebhookInbox, StorageNames.Queues.OutboundMessages })
        {
            var queue = new QueueClient(Azurite.ConnectionString, name);
            while (await queue.ExistsAsync(cancellationToken) && (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{name} did not drain.");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends a normal message as a new customer and waits for a reply to reach the Graph API: the app still answers.
    /// The demo's <c>address</c> rule answers <paramref name="text"/> even where a number's own Settings row has no greeting.
    /// </summary>
    public async Task AssertStillAnswersAsync(string phoneNumberId, CancellationToken cancellationToken, string text = "hello", string? customer = null)
    {
        customer ??= NewCustomer();
        var body = WebhookBuilder.Text(customer, $"wamid.still-{customer}", text, Clock.GetUtcNow(), phoneNumberId: phoneNumberId);
        using var response = await Host.PostWebhookAsync(body, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Graph.Requests.Any(r => !r.IsMarkRead && r.Json?["to"]?.GetValue<string>()?.TrimStart('+') == customer))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No reply to a normal message to {phoneNumberId} within a minute.");
            await Task.Delay(50, cancellationToken);
        }
    }
}

/// <summary>Row counts per table, message counts per queue, and requests the fake Graph API received.</summary>
public sealed record StorageSnapshot(IReadOnlyDictionary<string, int> Rows, IReadOnlyDictionary<string, int> Queues, int GraphRequests)
{
    public int Poisoned => Queues.Where(q => q.Key.EndsWith(StorageNames.Queues.PoisonSuffix, StringComparison.Ordinal)).Sum(q => q.Value);
}
