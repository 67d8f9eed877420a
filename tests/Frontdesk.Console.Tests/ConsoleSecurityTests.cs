using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Frontdesk.Console.Tests;

/// <summary>The console's locks, over plain HTTP: the key, test contacts only, no secret in the page, a strict CSP.</summary>
public sealed partial class ConsoleSecurityTests(ConsoleFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/manage/console")]
    [InlineData("GET", "/api/manage/console?code=wrong")]
    [InlineData("GET", "/api/manage/console/conversation?waId=999000000001")]
    [InlineData("POST", "/api/manage/console/send")]
    public async Task Console_NoFunctionKey_Answers401(string method, string path)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"waId":"999000000001","text":"hello"}""", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("15550199991")]
    [InlineData("99")]
    [InlineData("999abc")]
    public async Task SendAndRead_NotATestContact_Answer403(string waId)
    {
        using var client = Client();
        using var send = await client.PostAsync(
            "/api/manage/console/send",
            new StringContent($$"""{"waId":"{{waId}}","name":"Mallory","text":"hello"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        using var read = await client.GetAsync($"/api/manage/console/conversation?waId={waId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Equal("application/problem+json", send.Content.Headers.ContentType?.MediaType);
        Assert.Contains("starting with 999", await send.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task Send_Malformed_Answers400SayingWhatToGive()
    {
        using var client = Client();
        using var response = await client.PostAsync(
            "/api/manage/console/send",
            new StringContent("""{"waId":"999000000002","text":"hi","reply":{"kind":"button","id":"a","title":"A"}}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("exactly one of text", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Served_HoldsNoSecretNorInlineCodeUnderStrictCsp()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var response = await client.GetAsync($"/api/manage/console?code={ConsoleFixture.FunctionKey}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleFixture.FunctionKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleFixture.AppSecret, html, StringComparison.Ordinal);
        Assert.All(ScriptTag().Matches(html), tag => Assert.Contains(" src=", tag.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Fact]
    public void DevHost_Started_PrintsTheConsoleAddressWithItsKey() =>
        Assert.Equal(new Uri(fixture.BaseAddress, $"/api/manage/console?code={ConsoleFixture.FunctionKey}").ToString(), fixture.ConsoleUrl);

    [Theory]
    [InlineData("/api/manage/console/console.js", "text/javascript")]
    [InlineData("/api/manage/console/console.css", "text/css")]
    public async Task Assets_NoKey_AreServedBesideThePage(string path, string mediaType)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True((await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Length > 500);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", ConsoleFixture.FunctionKey);
        return client;
    }
}
