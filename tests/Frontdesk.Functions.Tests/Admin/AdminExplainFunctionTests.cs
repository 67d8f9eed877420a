using System.Text;
using System.Text.Json;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Functions.Admin;
using Frontdesk.Functions.Tests.Http;
using Frontdesk.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Functions.Tests.Admin;

public sealed class AdminExplainFunctionTests
{
    private const string Number = "123";
    private const string Customer = "33600000001";

    // Thursday 26 November 2026, 11:00 in Paris.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingContactStore _contacts = new();
    private readonly InMemoryRuleSource _rules = new([.. DemoBusiness.Rows]);

    private async Task<(ContentResult Result, JsonElement Json)> Explain(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var function = new AdminExplainFunction(_rules, _contacts, new ReplyEngine(_time, FixedIndexProvider.EmptyCatalogue()), _time);

        var result = Assert.IsType<ContentResult>(await function.Run(context.Request, TestContext.Current.CancellationToken));
        return (result, result.StatusCode == 200 ? JsonDocument.Parse(result.Content!).RootElement : default);
    }

    private static List<string?> Kinds(JsonElement json) =>
        [.. json.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("kind").GetString())];

    [Fact]
    public async Task Explain_FirstTimeText_ShowsRepliesStepsAndWritesNothing()
    {
        var (result, json) = await Explain("""{ "phoneNumberId": "123", "from": "33600000001", "text": "what are your hours?" }""");

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["Greeting", "Menu", "Rule"], Kinds(json));
        Assert.Equal("hours", json.GetProperty("replies")[2].GetProperty("rule").GetString());
        Assert.Contains(json.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "greeting");
        Assert.True(json.GetProperty("open").GetBoolean());
        Assert.False(json.GetProperty("knownContact").GetBoolean());
        Assert.Equal(0, _contacts.Saves);
    }

    [Fact]
    public async Task Explain_At_UsesThatInstantAndTheStoredContact()
    {
        _contacts.Contacts[(Number, Customer)] = new ContactState("Anna", null, _time.GetUtcNow().AddHours(-1), null, null, [], false, null);

        var (_, json) = await Explain("""{ "phoneNumberId": "123", "from": "33600000001", "text": "hello", "at": "2026-11-29T10:00:00Z" }""");

        Assert.Equal(["Away"], Kinds(json));
        Assert.False(json.GetProperty("open").GetBoolean());
        Assert.True(json.GetProperty("knownContact").GetBoolean());
        Assert.Contains("Monday 08:00", json.GetProperty("replies")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_KnownContact_ShowsWhetherTheWindowIsOpenAndUntilWhen()
    {
        _contacts.Contacts[(Number, Customer)] = new ContactState("Anna", null, _time.GetUtcNow().AddHours(-1), null, null, [], false, null);

        var (_, now) = await Explain("""{ "phoneNumberId": "123", "from": "33600000001", "text": "hello" }""");
        var (_, later) = await Explain("""{ "phoneNumberId": "123", "from": "33600000001", "text": "hello", "at": "2026-11-29T10:00:00Z" }""");
        var (_, stranger) = await Explain("""{ "phoneNumberId": "123", "from": "33600000002", "text": "hello" }""");

        Assert.True(now.GetProperty("window").GetProperty("open").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), now.GetProperty("window").GetProperty("closesAt").GetDateTimeOffset());
        Assert.StartsWith("open until 2026-11-27 09:00:00Z", now.GetProperty("window").GetProperty("says").GetString(), StringComparison.Ordinal);
        Assert.False(later.GetProperty("window").GetProperty("open").GetBoolean());
        Assert.StartsWith("closed since", later.GetProperty("window").GetProperty("says").GetString(), StringComparison.Ordinal);
        Assert.False(stranger.GetProperty("window").TryGetProperty("closesAt", out _));
        Assert.StartsWith("never opened", stranger.GetProperty("window").GetProperty("says").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ReplyId_PicksTheMenuRow()
    {
        _contacts.Contacts[(Number, Customer)] = new ContactState("Anna", null, _time.GetUtcNow().AddHours(-1), null, null, [], false, null);

        var (_, json) = await Explain("""{ "phoneNumberId": "123", "from": "33600000001", "replyId": "address" }""");

        Assert.Equal("address", Assert.Single(json.GetProperty("replies").EnumerateArray()).GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{ "from": "1", "text": "x" }""", "phoneNumberId is required")]
    [InlineData("""{ "phoneNumberId": "' or 1 eq 1", "from": "1", "text": "x" }""", "phoneNumberId '' or 1 eq 1' is not the business number's phone_number_id")]
    [InlineData("""{ "phoneNumberId": "1", "text": "x" }""", "from is required")]
    [InlineData("""{ "phoneNumberId": "1", "from": "../1", "text": "x" }""", "from '../1' is not the customer's wa_id")]
    [InlineData("""{ "phoneNumberId": "1", "from": "1" }""", "Give text (what the customer types) or replyId")]
    [InlineData("""{ "phoneNumberId": "1", "from": "1", "text": "x", "at": "yesterday" }""", "not valid JSON")]
    public async Task Explain_BadRequest_Says400AndHowToFixIt(string body, string expected)
    {
        var (result, _) = await Explain(body);

        Assert.Contains(expected, ProblemAssert.Detail(400, result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_TextOverWhatsAppsLimit_Is400NamingTheField()
    {
        var (result, _) = await Explain($$"""{ "phoneNumberId": "1", "from": "1", "text": "{{new string('x', 4097)}}" }""");

        var problem = ProblemAssert.Is(400, result);
        Assert.Equal("text", problem.GetProperty("parameter").GetString());
        Assert.Contains("4097 characters, more than 4096", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_BodyOver64Kilobytes_Is413BeforeParsing()
    {
        var (result, _) = await Explain($$"""{ "phoneNumberId": "1", "from": "1", "text": "{{new string('x', 1024 * 1024)}}" }""");

        Assert.Contains("64 KB", ProblemAssert.Detail(413, result), StringComparison.Ordinal);
    }
}
