using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Functions.Outbound;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Functions.Tests.Outbound;

/// <summary>
/// The sender function as the host runs it — services from <see cref="FunctionsRegistration.AddFrontdeskFunctions"/>, real
/// Azurite, real HTTP to <see cref="FakeGraphServer"/> — called with the queue message string the trigger hands over.
/// </summary>
public sealed class OutboundSenderFunctionTests(OutboundFixture fixture) : IClassFixture<OutboundFixture>
{
    private const string Token = "EAAG-test-token";
    private const string Number = "106540352242922";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Provider(Uri? graphBaseUrl = null, int attemptTimeoutSeconds = 10, string token = Token)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.Connection] = fixture.Azurite.ConnectionString,
            ["WhatsApp:AppSecret"] = "secret",
            ["WhatsApp:VerifyToken"] = "verify",
            ["WhatsApp:AccessToken"] = token,
            ["WhatsApp:GraphBaseUrl"] = (graphBaseUrl ?? fixture.Graph.BaseUrl).AbsoluteUri,
            ["WhatsApp:ApiVersion"] = "v25.0",
            ["Outbound:AttemptTimeoutSeconds"] = attemptTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddFrontdeskFunctions(configuration);
        services.AddTransient<OutboundSenderFunction>();
        return services.BuildServiceProvider();
    }

    private static OutboundMessage Message(string key, OutboundBody? body = null) => new()
    {
        IdempotencyKey = key,
        PhoneNumberId = Number,
        To = "+15550199991",
        Kind = ReplyKind.Greeting,
        InReplyTo = "wamid.IN",
        Quote = true,
        Body = body ?? new TextBody("Welcome!"),
    };

    private static string Payload(OutboundMessage message) => JsonSerializer.Serialize(message, OutboundMessageJsonContext.Default.OutboundMessage);

    private async Task<TableEntity> LedgerRowAsync(string key) =>
        (await new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(StorageNames.Tables.OutboundLedger)
            .GetEntityAsync<TableEntity>(Number, key, cancellationToken: Ct)).Value;

    private int RequestsFor(string text) => fixture.Graph.Requests.Count(r => r.Body.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Run_Reply_IsPostedToTheGraphApiAndItsWamidRecorded()
    {
        await using var provider = Provider();
        var before = fixture.Graph.Requests.Count;

        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E1:0", new TextBody("E2E one"))), Ct);

        var request = (await fixture.Graph.WaitForRequestsAsync(before + 1, cancellationToken: Ct))[before];
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v25.0/{Number}/messages", request.Path);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.Equal("individual", request.Json!["recipient_type"]!.GetValue<string>());
        Assert.Equal("wamid.IN", request.Json["context"]!["message_id"]!.GetValue<string>());
        Assert.Equal("E2E one", request.Json["text"]!["body"]!.GetValue<string>());
        var row = await LedgerRowAsync("wamid.E2E1:0");
        Assert.Equal("Sent", row.GetString("State"));
        Assert.StartsWith("wamid.FAKE_SENT_", row.GetString("WamId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConcurrentDuplicateDeliveries_PostOnce()
    {
        await using var provider = Provider();
        var payload = Payload(Message("wamid.E2E2:0", new TextBody("E2E duplicate")));
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            await provider.GetRequiredService<OutboundSenderFunction>().Run(payload, Ct);
        }, Ct)).ToArray();
        start.Set();
        await Task.WhenAll(runs);
        await provider.GetRequiredService<OutboundSenderFunction>().Run(payload, Ct);

        Assert.Equal(1, RequestsFor("E2E duplicate"));
        Assert.Equal("Sent", (await LedgerRowAsync("wamid.E2E2:0")).GetString("State"));
    }

    [Fact]
    public async Task Run_MarkAsRead_GoesThroughTheMessagesEdge()
    {
        await using var provider = Provider();
        await provider.GetRequiredService<OutboundSenderFunction>().Run(
            Payload(Message("wamid.READ1:read", new MarkReadBody("wamid.READ1")) with { Kind = ReplyKind.ReadReceipt, Quote = false }), Ct);

        var read = Assert.Single(fixture.Graph.Requests, r => r.IsMarkRead && r.Body.Contains("wamid.READ1", StringComparison.Ordinal));
        Assert.Equal($"/v25.0/{Number}/messages", read.Path);
        Assert.Equal("Sent", (await LedgerRowAsync("wamid.READ1:read")).GetString("State"));
    }

    [Fact]
    public async Task Run_PairRateLimit_IsReEnqueuedWithADelayNotThrown()
    {
        await using var provider = Provider();
        var queue = new QueueServiceClient(fixture.Azurite.ConnectionString).GetQueueClient(StorageNames.Queues.OutboundMessages);
        await queue.CreateIfNotExistsAsync(cancellationToken: Ct);
        await queue.ClearMessagesAsync(Ct);
        fixture.Graph.Enqueue(FakeGraphResponse.Error(131056, message: "Pair rate limit hit"));

        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E3:0", new TextBody("E2E throttled"))), Ct);

        Assert.Equal(1, RequestsFor("E2E throttled"));
        Assert.Equal("Retryable", (await LedgerRowAsync("wamid.E2E3:0")).GetString("State"));
        Assert.Equal(1, (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        // Invisible for 4^1 s: the trigger cannot pick it up again at once.
        Assert.Null((await queue.ReceiveMessageAsync(cancellationToken: Ct)).Value);
    }

    [Fact]
    public async Task Run_PermanentError_IsRecordedAndNeverRetried()
    {
        await using var provider = Provider();
        fixture.Graph.Enqueue(FakeGraphResponse.Error(131047, message: "Re-engagement message"));

        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E4:0", new TextBody("E2E late"))), Ct);
        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E4:0", new TextBody("E2E late"))), Ct);

        Assert.Equal(1, RequestsFor("E2E late"));
        var row = await LedgerRowAsync("wamid.E2E4:0");
        Assert.Equal("Failed", row.GetString("State"));
        Assert.Equal(131047, row.GetInt32("ErrorCode"));
        Assert.Equal("Re-engagement message", row.GetString("ErrorTitle"));
    }

    [Fact]
    public async Task Run_TimedOutCall_IsMaybeSentAndNotResent()
    {
        await using var provider = Provider(attemptTimeoutSeconds: 1);
        fixture.Graph.Enqueue(FakeGraphResponse.Slow(TimeSpan.FromSeconds(30)));

        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E5:0", new TextBody("E2E slow"))), Ct);
        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E5:0", new TextBody("E2E slow"))), Ct);

        Assert.Equal(1, RequestsFor("E2E slow"));
        Assert.Equal("Unknown", (await LedgerRowAsync("wamid.E2E5:0")).GetString("State"));
    }

    [Fact]
    public async Task Run_ConnectionRefused_IsRetryableBecauseNothingWasSent()
    {
        await using var provider = Provider(new Uri($"http://127.0.0.1:{AzuriteServer.FreePort()}"));

        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E6:0")), Ct);

        var row = await LedgerRowAsync("wamid.E2E6:0");
        Assert.Equal("Retryable", row.GetString("State"));
        Assert.Contains("could not connect", row.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoAccessToken_NothingReachesTheGraphApiButTheReplyIsRecorded()
    {
        await using var provider = Provider(token: "");

        await provider.GetRequiredService<OutboundSenderFunction>().Run(Payload(Message("wamid.E2E7:0", new TextBody("E2E console"))), Ct);

        Assert.Equal(0, RequestsFor("E2E console"));
        var row = await LedgerRowAsync("wamid.E2E7:0");
        Assert.Equal("Sent", row.GetString("State"));
        Assert.StartsWith("wamid.CONSOLE_", row.GetString("WamId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PayloadThatIsNotAnOutboundMessage_EscapesToTheHost()
    {
        await using var provider = Provider();
        await Assert.ThrowsAnyAsync<JsonException>(() => provider.GetRequiredService<OutboundSenderFunction>().Run("{not json", Ct));
    }

    [Fact]
    public void Metadata_OutboundSender_BindsOutboundMessagesOnFrontdeskStorage()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var function = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "OutboundSender");
        var trigger = function.GetProperty("bindings").EnumerateArray().Single();
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(StorageNames.Queues.OutboundMessages, trigger.GetProperty("queueName").GetString());
        Assert.Equal(StorageNames.Connection, trigger.GetProperty("connection").GetString());
    }
}
