using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Testing;

/// <summary>The fake Graph API behaves like Meta's for what the sender relies on (real HTTP, real client).</summary>
public sealed class FakeGraphServerTests
{
    private static async Task<(int Status, string Body)> PostAsync(FakeGraphServer graph, string path, string json, string token = "tok")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(graph.BaseUrl, path))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FakeGraphServer_Request_IsRecordedAndAnsweredLikeMeta()
    {
        await using var graph = await FakeGraphServer.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal("127.0.0.1", graph.BaseUrl.Host);
        Assert.NotEqual(0, graph.BaseUrl.Port);

        var (status, body) = await PostAsync(graph, "/v25.0/123/messages", """{"messaging_product":"whatsapp","to":"+1555","type":"text","text":{"body":"hi"}}""");
        var (readStatus, readBody) = await PostAsync(graph, "/v25.0/123/messages", """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.X"}""");

        Assert.Equal(200, status);
        Assert.Equal("wamid.FAKE_SENT_1", GraphWhatsAppClient.FromSuccess(body).WamId);
        Assert.Equal((200, """{"success":true}"""), (readStatus, readBody));
        var requests = await graph.WaitForRequestsAsync(2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["POST", "POST"], requests.Select(r => r.Method));
        Assert.Equal("/v25.0/123/messages", requests[0].Path);
        Assert.Equal("123", requests[0].PhoneNumberId);
        Assert.Equal("Bearer tok", requests[0].Authorization);
        Assert.Equal("hi", requests[0].Json!["text"]!["body"]!.GetValue<string>());
        Assert.True(requests[1].IsMarkRead);
    }

    [Fact]
    public async Task FakeGraphServer_ScriptedErrors_AreUsedInOrderThenSuccessReturns()
    {
        await using var graph = await FakeGraphServer.StartAsync(TestContext.Current.CancellationToken);
        graph.Enqueue(FakeGraphResponse.Error(131056), FakeGraphResponse.ServerError(502));

        var first = await PostAsync(graph, "/v25.0/1/messages", """{"to":"+1"}""");
        var second = await PostAsync(graph, "/v25.0/1/messages", """{"to":"+1"}""");
        var third = await PostAsync(graph, "/v25.0/1/messages", """{"to":"+1"}""");

        var error = GraphWhatsAppClient.FromError(first.Status, first.Body, null);
        Assert.Equal((SendOutcome.Throttled, 131056), (error.Outcome, error.Error!.Code));
        Assert.Equal(502, second.Status);
        Assert.Equal(200, third.Status);
    }

    [Fact]
    public async Task FakeGraphServer_ConcurrentRequests_AreAllRecorded()
    {
        await using var graph = await FakeGraphServer.StartAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostAsync(graph, "/v25.0/1/messages", $$"""{"to":"+{{i}}"}""")));
        var requests = await graph.WaitForRequestsAsync(20, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(20, requests.Select(r => r.Body).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20), requests.Select(r => r.Sequence));
    }

    [Fact]
    public async Task WaitForRequestsAsync_MoreThanArrived_TimesOutWithWhatArrived()
    {
        await using var graph = await FakeGraphServer.StartAsync(TestContext.Current.CancellationToken);
        await PostAsync(graph, "/v25.0/1/messages", """{"to":"+1"}""");
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => graph.WaitForRequestsAsync(2, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));
        Assert.Contains("1 of 2", ex.Message, StringComparison.Ordinal);
    }
}
