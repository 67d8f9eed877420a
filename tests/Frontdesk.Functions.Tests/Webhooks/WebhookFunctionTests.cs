using System.Text;
using Frontdesk.Core;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Functions.Tests.Http;
using Frontdesk.Functions.Webhooks;
using Frontdesk.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Frontdesk.Functions.Tests.Webhooks;

public sealed class WebhookFunctionTests
{
    private const string VerifyToken = "verify-me";
    private readonly Mock<IWebhookInbox> _inbox = new();

    [Fact]
    public async Task Get_RightToken_ReturnsChallengeAsPlainText()
    {
        var request = Get("?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");

        var result = await Function().Run(request, TestContext.Current.CancellationToken);

        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        Assert.Equal("1158201444", content.Content);
        Assert.StartsWith("text/plain", content.ContentType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")]
    [InlineData("?hub.mode=other&hub.verify_token=verify-me&hub.challenge=1")]
    [InlineData("")]
    public async Task Get_AnythingElse_Returns403(string query)
    {
        var result = await Function().Run(Get(query), TestContext.Current.CancellationToken);

        Assert.Contains("hub.verify_token", ProblemAssert.Detail(403, result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignedWhatsAppBody_StoresTheExactBytesAndReturns200()
    {
        var body = WebhookFixtures.Read("text.json");
        ReadOnlyMemory<byte> stored = default;
        _inbox.Setup(i => i.StoreAsync(It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .Callback<ReadOnlyMemory<byte>, CancellationToken>((b, _) => stored = b.ToArray())
            .ReturnsAsync(1);

        var result = await Function().Run(Post(body, WebhookSignature.Sign(body, WebhookFixtures.TestSecret)), TestContext.Current.CancellationToken);

        Assert.IsType<OkResult>(result);
        Assert.Equal(body, stored.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Post_UnsignedOrWronglySigned_Returns401AndStoresNothing(string? signature)
    {
        var result = await Function().Run(Post(WebhookFixtures.Read("text.json"), signature), TestContext.Current.CancellationToken);

        Assert.Contains("X-Hub-Signature-256", ProblemAssert.Detail(401, result), StringComparison.Ordinal);
        _inbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Post_SignedButNotJson_Returns400AndStoresNothing()
    {
        var body = Encoding.UTF8.GetBytes("not json at all");

        var result = await Function().Run(Post(body, WebhookSignature.Sign(body, WebhookFixtures.TestSecret)), TestContext.Current.CancellationToken);

        Assert.Contains("not a JSON object", ProblemAssert.Detail(400, result), StringComparison.Ordinal);
        _inbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Post_ForeignObject_Returns200AndStoresNothing()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[]}");

        var result = await Function().Run(Post(body, WebhookSignature.Sign(body, WebhookFixtures.TestSecret)), TestContext.Current.CancellationToken);

        Assert.IsType<OkResult>(result);
        _inbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Post_OverThreeMegabytes_Returns413WithoutReadingOn()
    {
        var body = new byte[WebhookBody.MaxBytes + 1];
        var request = Post(body, WebhookSignature.Sign(body, WebhookFixtures.TestSecret));
        request.ContentLength = null; // chunked: the limit must hold while reading, not only from the header

        var result = await Function().Run(request, TestContext.Current.CancellationToken);

        Assert.Contains("3 MB", ProblemAssert.Detail(413, result), StringComparison.Ordinal);
        Assert.True(request.Body.Position <= WebhookBody.MaxBytes + 16 * 1024);
        _inbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Post_ContentLengthOverLimit_Returns413BeforeReading()
    {
        var request = Post([1, 2, 3], "sha256=00");
        request.ContentLength = WebhookBody.MaxBytes + 1L;

        var result = await Function().Run(request, TestContext.Current.CancellationToken);

        Assert.Contains("3 MB", ProblemAssert.Detail(413, result), StringComparison.Ordinal);
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task Post_StorageUnavailable_Returns503()
    {
        var body = WebhookFixtures.Read("text.json");
        _inbox.Setup(i => i.StoreAsync(It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));

        var result = await Function().Run(Post(body, WebhookSignature.Sign(body, WebhookFixtures.TestSecret)), TestContext.Current.CancellationToken);

        Assert.Contains("retry later", ProblemAssert.Detail(503, result), StringComparison.Ordinal);
    }

    private WebhookFunction Function() => new(
        _inbox.Object,
        AppSecrets.Parse(WebhookFixtures.TestSecret),
        Options.Create(new WhatsAppOptions { AppSecret = WebhookFixtures.TestSecret, VerifyToken = VerifyToken }),
        NullLogger<WebhookFunction>.Instance);

    private static HttpRequest Get(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    private static HttpRequest Post(byte[] body, string? signature)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.ContentType = "application/json";
        if (signature is not null)
        {
            context.Request.Headers[WebhookSignature.HeaderName] = signature;
        }

        return context.Request;
    }
}
