using System.Text.Json;
using Frontdesk.Core.Rules;
using Frontdesk.Functions.Admin;
using Frontdesk.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Tests.Admin;

public sealed class AdminValidateFunctionTests
{
    private static readonly TableRow s_badRule = new(RuleTable.Rules, "default", "broken",
        new Dictionary<string, object?> { ["Keywords"] = "x", ["Reply"] = "x", ["Match"] = "fuzzy" });

    private static readonly TableRow s_badHours = new(RuleTable.Hours, "default", "Monday",
        new Dictionary<string, object?> { ["Hours"] = "9 to 5" });

    private static async Task<(ContentResult Result, JsonElement Json)> Run(InMemoryRuleSource source, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        var result = Assert.IsType<ContentResult>(await new AdminValidateFunction(source, new InMemorySubscriptionStore()).Run(context.Request, TestContext.Current.CancellationToken));
        return (result, JsonDocument.Parse(result.Content!).RootElement);
    }

    [Fact]
    public async Task Run_WithoutNumber_ListsEveryProblemWithTableKeysAndProblem()
    {
        var source = new InMemoryRuleSource(s_badRule, s_badHours);

        var (result, json) = await Run(source, string.Empty);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("application/json; charset=utf-8", result.ContentType);
        Assert.Equal([null], source.Validated);
        Assert.Equal(2, json.GetProperty("count").GetInt32());
        var problems = json.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p =>
            p.GetProperty("table").GetString() == "Rules"
            && p.GetProperty("partitionKey").GetString() == "default"
            && p.GetProperty("rowKey").GetString() == "broken"
            && p.GetProperty("problem").GetString()!.StartsWith("Match 'fuzzy'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.GetProperty("table").GetString() == "Hours");
    }

    [Fact]
    public async Task Run_WithNumber_ValidatesThatNumber()
    {
        var source = new InMemoryRuleSource();

        var (_, json) = await Run(source, "?phoneNumberId=%20123%20");

        Assert.Equal(["123"], source.Validated);
        Assert.Equal("123", json.GetProperty("phoneNumberId").GetString());
        Assert.Equal(0, json.GetProperty("count").GetInt32());
    }
}
