using System.Text.Json;
using Frontdesk.Storage;

namespace Frontdesk.Functions.Tests;

/// <summary>The build's functions.metadata is what Azure wires the app from: check each function's bindings there.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] s_functions = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))
        .RootElement.EnumerateArray().ToArray();

    [Fact]
    public void Webhook_IsAnonymousGetAndPostOnRouteWebhook()
    {
        var trigger = Trigger("Webhook");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal("webhook", trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order());
    }

    [Fact]
    public void QueueTriggers_UseTheFrontdeskConnectionAndKnownQueues()
    {
        var queueTriggers = s_functions.SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "queueTrigger")
            .ToList();

        Assert.All(queueTriggers, b => Assert.Equal(StorageNames.Connection, b.GetProperty("connection").GetString()));
        Assert.All(queueTriggers, b => Assert.Contains(b.GetProperty("queueName").GetString(), StorageNames.Queues.All));
    }

    /// <summary>The phone console's script and styles: public code with no data, fetched by a &lt;script src&gt; that cannot carry a key.</summary>
    private static readonly string[] s_publicAssets = ["manage/console/console.js", "manage/console/console.css"];

    [Fact]
    public void AdminHttpFunctions_RequireAFunctionKey()
    {
        var admin = s_functions.SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger"
                        && b.TryGetProperty("route", out var route) && route.GetString()!.StartsWith("manage/", StringComparison.Ordinal))
            .ToList();
        var keyed = admin.Where(b => !s_publicAssets.Contains(b.GetProperty("route").GetString())).ToList();

        Assert.Equal(9, keyed.Count); // validate, explain, catalogue import, components publish, templates sync, subscriptions, and the console's three
        Assert.All(keyed, b => Assert.Equal("Function", b.GetProperty("authLevel").GetString(), ignoreCase: true));
        Assert.Equal(s_publicAssets.Length, admin.Count - keyed.Count);
    }

    [Fact]
    public void HttpRoutes_AvoidThePrefixesTheHostReserves()
    {
        // The Functions host refuses routes starting with "admin" or "runtime" (its own APIs), whatever the route prefix.
        var routes = s_functions.SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => b.GetProperty("route").GetString()!)
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.False(r.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || r.StartsWith("runtime", StringComparison.OrdinalIgnoreCase), r));
    }

    [Fact]
    public void HostJson_IsLinkedIntoTheAppOutput()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.True(TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(5));
    }

    private static JsonElement Trigger(string function) =>
        s_functions.Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
}
