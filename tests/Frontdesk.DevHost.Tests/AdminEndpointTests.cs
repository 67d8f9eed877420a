using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Frontdesk.DevHost.Tests;

/// <summary>The operator endpoints as served by DevHost: Function-level keys enforced, answers read from the seeded tables.</summary>
public sealed class AdminEndpointTests(ReplyPipelineFixture pipeline) : IClassFixture<ReplyPipelineFixture>
{
    [Theory]
    [InlineData("/api/manage/validate")]
    [InlineData("/api/manage/validate?code=wrong")]
    public async Task Validate_WithoutTheKey_Is401(string path)
    {
        var response = await pipeline.Host.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Validate_WithTheKeyInHeader_ListsNoProblemsForTheDemo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/manage/validate");
        request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);

        var response = await pipeline.Host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Explain_SaysWhatWouldBeSentAndSendsNothing()
    {
        var before = pipeline.Graph.Requests.Count;

        var response = await pipeline.Host.Client.PostAsJsonAsync(
            $"/api/manage/explain?code={DevHostRun.FunctionKey}",
            new { phoneNumberId = "200000000000001", from = "15550399999", text = "where is the shop?", at = "2026-11-25T10:00:00Z" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("12 rue de la Paix", body, StringComparison.Ordinal);
        Assert.Contains("address", body, StringComparison.Ordinal);
        Assert.Equal(before, pipeline.Graph.Requests.Count);
    }
}
