using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Frontdesk.Core.Broadcasts;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.DevHost.Tests.Broadcasts;

/// <summary>
/// Broadcasts end to end: Azurite, a DevHost (its pumps run the fan-out, the outreach sender and the inbox) and the
/// fake Graph API, which posts signed status webhooks back to the DevHost. A <c>menu</c> marketing template sits under
/// <c>default</c>. One instance per test class (each class picks its pace and daily cap); <see cref="RestartAsync"/>
/// stops the host as a crash would and starts a new one on the same storage.
/// </summary>
public sealed class BroadcastPipeline : IAsyncDisposable
{
    public const string Number = "106540352242922";

    private readonly Dictionary<string, string?> _settings;

    private BroadcastPipeline(AzuriteServer azurite, FakeGraphServer graph, Dictionary<string, string?> settings)
    {
        Azurite = azurite;
        Graph = graph;
        _settings = settings;
    }

    public AzuriteServer Azurite { get; }

    public FakeGraphServer Graph { get; }

    public DevHostRun Host { get; private set; } = null!;

    /// <summary>Starts Azurite, the fake and a DevHost; <paramref name="unknownGraceSeconds"/> sets how long a maybe-sent send waits for its status.</summary>
    public static async Task<BroadcastPipeline> StartAsync(int messagesPerSecond, int dailyUniqueLimit, bool read = true, int requeueAfterSeconds = 900, int unknownGraceSeconds = 300)
    {
        var azurite = await AzuriteServer.StartAsync();
        var graph = await FakeGraphServer.StartAsync();
        var rate = messagesPerSecond.ToString(CultureInfo.InvariantCulture);
        var pipeline = new BroadcastPipeline(azurite, graph, new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = "test-access-token",
            ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl.ToString(),
            ["Outbound:MessagesPerSecond"] = rate,
            ["Broadcast:MessagesPerSecond"] = rate,
            ["Broadcast:DailyUniqueLimit"] = dailyUniqueLimit.ToString(CultureInfo.InvariantCulture),
            ["Broadcast:RequeueAfterSeconds"] = requeueAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["Outbound:UnknownGraceSeconds"] = unknownGraceSeconds.ToString(CultureInfo.InvariantCulture),
            ["DevHost:SeedDemo"] = "false",
        });
        var templates = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.Tables.Templates);
        await templates.CreateIfNotExistsAsync();
        await templates.AddEntityAsync(new TableEntity("default", "menu")
        {
            ["Name"] = "menu_noel", ["Language"] = "fr", ["Category"] = "marketing", ["BodyParameters"] = "{{name}}, {{param.offer}}",
        });
        await pipeline.StartHostAsync(read);
        return pipeline;
    }

    /// <summary>Stops the host (queue messages in flight stay leased, as with a crashed instance) and starts a new one.</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        await StartHostAsync(read: true);
    }

    /// <summary>Writes <paramref name="count"/> contacts labelled <paramref name="label"/>; the first <paramref name="optedOut"/> of them opted out.</summary>
    public async Task<IReadOnlyList<string>> ContactsAsync(string prefix, int count, string label, int optedOut = 0)
    {
        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(StorageNames.Tables.Contacts);
        await table.CreateIfNotExistsAsync();
        var ids = Enumerable.Range(0, count).Select(i => prefix + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
        foreach (var batch in ids.Select((id, i) => (id, i)).Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Number, c.id)
            {
                ["Name"] = "Client " + c.i,
                ["Labels"] = label + ", clients",
                ["OptedOut"] = c.i < optedOut,
                ["LastInbound"] = DateTimeOffset.UtcNow.AddDays(-3),
            })));
        }

        return ids;
    }

    public async Task<HttpResponseMessage> StartBroadcastAsync(string id, string label)
    {
        var body = new JsonObject
        {
            ["phoneNumberId"] = Number,
            ["id"] = id,
            ["name"] = "Menu de Noël",
            ["template"] = "menu",
            ["audience"] = new JsonObject { ["label"] = label },
            ["parameters"] = new JsonObject { ["offer"] = "bûche -20 %" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/manage/broadcasts") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        return await Host.Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ControlAsync(string id, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/broadcasts/{id}/{action}");
        request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        return await Host.Client.SendAsync(request);
    }

    public async Task<JsonObject> ReportAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/manage/broadcasts/{id}");
        request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        using var response = await Host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<BroadcastSummary?> SummaryAsync(string id) => Host.Services.GetRequiredService<IBroadcastStore>().GetAsync(id);

    /// <summary>Messages the fake accepted for broadcast <paramref name="id"/>.</summary>
    public IReadOnlyList<AcceptedGraphMessage> SendsOf(string id) =>
        [.. Graph.Accepted.Where(a => a.CallbackData?.StartsWith($"frontdesk:broadcast:{id}:", StringComparison.Ordinal) == true)];

    /// <summary>Polls the summary until <paramref name="done"/> holds.</summary>
    public async Task<BroadcastSummary> WaitForAsync(string id, Func<BroadcastSummary, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var summary = await SummaryAsync(id);
            if (summary is not null && done(summary))
            {
                return summary;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Broadcast {id}: {summary}; the fake accepted {SendsOf(id).Count}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task WaitForSendsAsync(string id, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (SendsOf(id).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Broadcast {id}: {SendsOf(id).Count} of {count} sends within {timeout}.");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private async Task StartHostAsync(bool read)
    {
        Host = await DevHostRun.StartAsync(Azurite, _settings);
        Graph.PostStatusesTo(new FakeGraphStatusWebhooks(new Uri(Host.Client.BaseAddress!, "/api/webhook"), DevHostRun.AppSecret) { Read = read });
    }
}
