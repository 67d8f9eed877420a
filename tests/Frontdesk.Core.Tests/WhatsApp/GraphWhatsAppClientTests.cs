using System.Net.Sockets;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.Tests.PhoneConsole;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Core.WhatsApp.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.WhatsApp;

public sealed class GraphWhatsAppClientTests
{
    private const string Token = "EAAG-secret-token-never-logged";

    private readonly FakeLogCollector _logs = new();

    private GraphWhatsAppClient Client(StubHandler stub, TimeProvider? time = null) => new(
        new HttpClient(stub),
        Options.Create(new WhatsAppOptions { AccessToken = Token, GraphBaseUrl = new Uri("https://graph.example.test"), ApiVersion = "v25.0" }),
        time ?? TimeProvider.System,
        new FakeLogger<GraphWhatsAppClient>(_logs));

    private void AssertTokenNeverLogged()
    {
        var all = _logs.GetSnapshot();
        Assert.NotEmpty(all);
        Assert.All(all, r => Assert.DoesNotContain(Token, r.Message + r.Exception + string.Join(",", r.StructuredState ?? []), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_Success_PostsToTheMessagesEdgeWithTheBearerTokenAndReturnsTheWamid()
    {
        var stub = StubHandler.Answering(200, """
            {"messaging_product":"whatsapp","contacts":[{"input":"+15550199991","wa_id":"15550199991"}],"messages":[{"id":"wamid.SENT1"}]}
            """);

        var result = await Client(stub).SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("wamid.SENT1", result.WamId);
        var (request, body) = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://graph.example.test/v25.0/106540352242922/messages", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(Token, request.Headers.Authorization.Parameter);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Contains("\"body\":\"Hello\"", body, StringComparison.Ordinal);
        AssertTokenNeverLogged();
    }

    [Fact]
    public async Task SendAsync_MarkReadSuccess_IsAcceptedWithoutAWamid()
    {
        var stub = StubHandler.Answering(200, """{"success":true}""");
        var result = await Client(stub).SendAsync(Messages.With(new Core.WhatsApp.Messages.MarkReadBody("wamid.IN")), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Null(result.WamId);
    }

    [Fact]
    public async Task SendAsync_MetaErrorBody_IsParsedAndClassifiedPermanent()
    {
        var stub = StubHandler.Answering(400, """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
              "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed"},
              "fbtrace_id":"AbCdEf"}}
            """);

        var result = await Client(stub).SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Equal(131047, result.Error!.Code);
        Assert.Equal("Re-engagement message", result.Error.Title);
        Assert.Equal("Message failed to send because more than 24 hours have passed", result.Error.Details);
        Assert.Equal("AbCdEf", result.FbTraceId);
        Assert.Equal(400, result.HttpStatus);
        Assert.Contains("131047", result.Reason, StringComparison.Ordinal);
        AssertTokenNeverLogged();
    }

    [Fact]
    public async Task SendAsync_Throttling_KeepsRetryAfter()
    {
        var stub = StubHandler.Answering(429, """{"error":{"message":"(#130429) Rate limit hit","code":130429}}""",
            r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(90)));

        var result = await Client(stub).SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_RetryAfterAsADate_IsMeasuredWithTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
        var stub = StubHandler.Answering(503, "<html>busy</html>",
            r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddMinutes(2)));

        var result = await Client(stub, time).SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Null(result.Error);
        Assert.Equal(TimeSpan.FromMinutes(2), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_IsTransientBecauseNothingWasSent()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)));
        var result = await Client(stub).SendAsync(Messages.Text(), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcome.Transient, result.Outcome);
        AssertTokenNeverLogged();
    }

    [Fact]
    public void SendAsync_ResilienceRejections_AreTransientBeforeSendingAndMaybeAcceptedOnTimeout()
    {
        Assert.Equal(SendOutcome.Transient, GraphWhatsAppClient.FromException(new Polly.CircuitBreaker.BrokenCircuitException()).Outcome);
        Assert.Equal(SendOutcome.Transient, GraphWhatsAppClient.FromException(new Polly.RateLimiting.RateLimiterRejectedException()).Outcome);
        Assert.Equal(SendOutcome.MaybeAccepted, GraphWhatsAppClient.FromException(new Polly.Timeout.TimeoutRejectedException()).Outcome);
        Assert.Equal(SendOutcome.MaybeAccepted, GraphWhatsAppClient.FromException(new TaskCanceledException()).Outcome);
    }

    [Fact]
    public async Task SendAsync_LostAnswer_IsMaybeAccepted()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "response ended"));
        var result = await Client(stub).SendAsync(Messages.Text(), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcome.MaybeAccepted, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_OverLimitBody_NeverReachesTheNetwork()
    {
        var stub = StubHandler.Answering(200, "{}");
        var result = await Client(stub).SendAsync(Messages.Text(new string('a', 5000)), TestContext.Current.CancellationToken);
        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("not sent: text body is 5000 characters", result.Reason, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void TitleOf_ErrorMessage_DropsTheCodePrefix()
    {
        Assert.Equal("Rate limit hit", GraphWhatsAppClient.TitleOf("(#130429) Rate limit hit"));
        Assert.Equal("Plain", GraphWhatsAppClient.TitleOf("Plain"));
        Assert.Null(GraphWhatsAppClient.TitleOf(null));
    }

    /// <summary>The registered pipeline (standard resilience handler) must not retry a POST.</summary>
    private static ServiceProvider Registered(StubHandler stub, string token = Token, int attemptTimeoutSeconds = 10)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = token,
            ["WhatsApp:GraphBaseUrl"] = "https://graph.example.test",
            ["WhatsApp:AppSecret"] = "app-secret",
            ["WhatsApp:VerifyToken"] = "verify-token",
            ["Outbound:AttemptTimeoutSeconds"] = attemptTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddFrontdeskCore(configuration);
        services.AddSingleton<IConsoleOutbox>(new RecordingConsoleOutbox());
        services.AddHttpClient<GraphWhatsAppClient>().ConfigurePrimaryHttpMessageHandler(() => stub);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task AddFrontdeskCore_ErrorsTheStandardHandlerWouldRetry_ArePostedOnce(int status)
    {
        var stub = StubHandler.Answering(status, """{"error":{"message":"(#131000) Something went wrong","code":131000}}""");
        await using var provider = Registered(stub);

        var result = await provider.GetRequiredService<IWhatsAppSender>().SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.True(result.ShouldRetry);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task AddFrontdeskCore_AttemptTimeout_IsMaybeAccepted()
    {
        var stub = new StubHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        await using var provider = Registered(stub, attemptTimeoutSeconds: 1);

        var result = await provider.GetRequiredService<IWhatsAppSender>().SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.MaybeAccepted, result.Outcome);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task AddFrontdeskCore_AccessToken_AppearsInNoLogLineEvenAtTraceLevel()
    {
        var stub = StubHandler.Answering(401, """{"error":{"message":"(#190) Error validating access token","code":190,"fbtrace_id":"X"}}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:AccessToken"] = Token,
            ["WhatsApp:GraphBaseUrl"] = "https://graph.example.test",
            ["WhatsApp:AppSecret"] = "app-secret",
            ["WhatsApp:VerifyToken"] = "verify-token",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true);
        services.AddFrontdeskCore(configuration);
        services.AddSingleton<IConsoleOutbox>(new RecordingConsoleOutbox());
        services.AddHttpClient<GraphWhatsAppClient>().ConfigurePrimaryHttpMessageHandler(() => stub);
        services.AddSingleton<Core.WhatsApp.Sending.ISendLedger>(new InMemorySendLedger());
        services.AddSingleton<Core.WhatsApp.Sending.IOutboundQueue>(new RecordingOutboundQueue());
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<Core.WhatsApp.Sending.OutboundSender>().SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.Equal(Core.WhatsApp.Sending.SendDisposition.Failed, result);
        Assert.Single(stub.Requests);
        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("190", StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain(Token, r.Message + r.Exception + string.Join(",", r.StructuredState ?? []), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddFrontdeskCore_EmptyToken_RegistersTheConsoleSenderWhichCallsNobody()
    {
        var stub = StubHandler.Answering(200, "{}");
        await using var provider = Registered(stub, token: "");

        var sender = provider.GetRequiredService<IWhatsAppSender>();
        var result = await sender.SendAsync(Messages.Text(), TestContext.Current.CancellationToken);

        Assert.IsType<ConsoleWhatsAppSender>(Assert.IsType<TestContactSender>(sender).Inner);
        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.StartsWith("wamid.CONSOLE_", result.WamId, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ConsoleSender_Reply_LogsRecipientKindAndTheJson()
    {
        var logs = new FakeLogCollector();
        var sender = new ConsoleWhatsAppSender(new FakeLogger<ConsoleWhatsAppSender>(logs));

        await sender.SendAsync(Messages.Text("Bonjour"), TestContext.Current.CancellationToken);

        var record = Assert.Single(logs.GetSnapshot());
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains("+15550199991", record.Message, StringComparison.Ordinal);
        Assert.Contains("Rule", record.Message, StringComparison.Ordinal);
        Assert.Contains("\"body\":\"Bonjour\"", record.Message, StringComparison.Ordinal);
    }
}
