using System.Text.Json;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Tests.Http;

/// <summary>Checks an action result is an RFC 9457 problem with the given status, and returns its JSON.</summary>
internal static class ProblemAssert
{
    public static JsonElement Is(int status, IActionResult result)
    {
        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(status, content.StatusCode);
        Assert.Equal(Problems.ContentType, content.ContentType);
        var json = JsonDocument.Parse(content.Content!).RootElement.Clone();
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    public static string Detail(int status, IActionResult result) =>
        Is(status, result).GetProperty("detail").GetString()!;
}
