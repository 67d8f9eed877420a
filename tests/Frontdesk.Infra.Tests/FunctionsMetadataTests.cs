using System.Text.Json.Nodes;

namespace Frontdesk.Infra.Tests;

/// <summary>The template against the triggers the code declares (functions.metadata).</summary>
public sealed class FunctionsMetadataTests(CompiledInfra infra)
{
    [Fact]
    public void WebhookUrl_Route_IsTheHttpTriggersRoute()
    {
        var trigger = Assert.Single(FunctionsMetadata.HttpTriggers(FunctionsMetadata.WebhookFunction));

        var route = infra.Main.Parameters["webhookRoute"]?["defaultValue"]?.GetValue<string>();

        Assert.Equal(trigger["route"]?.GetValue<string>(), route);
    }

    [Fact]
    public void WebhookUrl_NoFunctionKey_BecauseTheTriggerIsAnonymous()
    {
        // docs/deploy.md tells operators to paste WEBHOOK_URL as is; a function-level trigger would need ?code=.
        var trigger = Assert.Single(FunctionsMetadata.HttpTriggers(FunctionsMetadata.WebhookFunction));

        Assert.Equal("Anonymous", trigger["authLevel"]?.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public void Settings_EveryTriggerConnection_IsIdentityBased()
    {
        var settings = infra.ResourcesOfType("Microsoft.Web/sites/config")
            .Single(r => r.LeafNames().SequenceEqual(["appsettings"])).Properties as JsonObject;

        // Empty until a queue trigger exists; then each connection it names must be configured in Azure.
        Assert.All(FunctionsMetadata.StorageConnections(), connection =>
        {
            Assert.NotNull(settings?[$"{connection}__queueServiceUri"]);
            Assert.Equal("managedidentity", settings?[$"{connection}__credential"]?.GetValue<string>());
            Assert.NotNull(settings?[$"{connection}__clientId"]);
        });
    }
}
