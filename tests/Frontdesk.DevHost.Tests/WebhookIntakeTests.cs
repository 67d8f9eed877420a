using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Queues;
using Frontdesk.Core.Webhooks;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// The intake as Meta and a developer see it: real HTTP to DevHost, real Azurite behind it. The queue consumer is
/// switched off with the Functions setting <c>AzureWebJobs.Inbox.Disabled</c>, so what the webhook stored stays visible.
/// </summary>
public sealed class WebhookIntakeTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private DevHostRun _host = null!;
    private QueueClient _inbox = null!;

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        _host = await DevHostRun.StartAsync(_azurite, new Dictionary<string, string?> { ["AzureWebJobs.Inbox.Disabled"] = "true" }, cancellationToken: TestContext.Current.CancellationToken);
        _inbox = new QueueClient(_azurite.ConnectionString, StorageNames.Queues.WebhookInbox, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Handshake_ReturnsTheChallenge()
    {
        var response = await _host.Client.GetAsync($"/api/webhook?hub.mode=subscribe&hub.verify_token={DevHostRun.VerifyToken}&hub.challenge=987654", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("987654", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignedPost_Returns200AndTheBodyIsInWebhookInbox()
    {
        var body = WebhookFixtures.Read("text.json");

        var response = await PostAsync(body, WebhookSignature.Sign(body, DevHostRun.AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queued = (await _inbox.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal(body, Assert.Single(queued).Body.ToArray());
    }

    [Fact]
    public async Task BadRequests_GetTheirStatusAndLeaveTheQueueUntouched()
    {
        var body = WebhookFixtures.Read("text.json");
        var notJson = Encoding.UTF8.GetBytes("<xml/>");
        var huge = new byte[WebhookBody.MaxBytes + 10];

        var unsigned = await PostAsync(body, signature: null);
        var wronglySigned = await PostAsync(body, WebhookSignature.Sign(body, "another_secret"));
        var oversized = await PostAsync(huge, WebhookSignature.Sign(huge, DevHostRun.AppSecret));
        var nonJson = await PostAsync(notJson, WebhookSignature.Sign(notJson, DevHostRun.AppSecret));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest],
            [unsigned.StatusCode, wronglySigned.StatusCode, oversized.StatusCode, nonJson.StatusCode]);
        var properties = await _inbox.GetPropertiesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task StorageStopped_SignedPostGets503()
    {
        var body = WebhookFixtures.Read("text.json");
        await _azurite.StopAsync();

        var response = await PostAsync(body, WebhookSignature.Sign(body, DevHostRun.AppSecret));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        return await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
