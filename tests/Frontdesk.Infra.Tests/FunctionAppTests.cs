using System.Text.RegularExpressions;

namespace Frontdesk.Infra.Tests;

/// <summary>The Flex Consumption plan and the Function App.</summary>
public sealed partial class FunctionAppTests(CompiledInfra infra)
{
    private ArmResource Site => infra.Single("Microsoft.Web/sites");

    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var plan = infra.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Body["sku"]?["name"]?.GetValue<string>());
        Assert.True(plan.Properties?["reserved"]?.GetValue<bool>());
    }

    [Fact]
    public void Runtime_FunctionAppConfig_IsDotnetIsolated10()
    {
        var runtime = Site.Properties?["functionAppConfig"]?["runtime"];

        Assert.Equal("dotnet-isolated", runtime?["name"]?.GetValue<string>());
        Assert.Equal("10.0", runtime?["version"]?.GetValue<string>());
    }

    [Fact]
    public void Scale_MemoryAndInstanceCount_ComeFromMainParameters()
    {
        var scale = Site.Body["properties"]?["functionAppConfig"]?["scaleAndConcurrency"];

        var mentioned = Site.Scope.ParametersMentionedBy(scale).Where(p => p.Scope == infra.Main).Select(p => p.Name);
        Assert.Contains("instanceMemoryMB", mentioned);
        Assert.Contains("maximumInstanceCount", mentioned);
    }

    [Fact]
    public void Identity_App_RunsAsUserAssignedIdentityAndResolvesKeyVaultWithIt()
    {
        var site = Site;

        var keyVaultIdentity = site.Properties?["keyVaultReferenceIdentity"]?.GetValue<string>() ?? "";
        var packageAuthentication = site.Properties?["functionAppConfig"]?["deployment"]?["storage"]?["authentication"];

        Assert.Equal("UserAssigned", site.Body["identity"]?["type"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", packageAuthentication?["type"]?.GetValue<string>());
        Assert.Equal(keyVaultIdentity, packageAuthentication?["userAssignedIdentityResourceId"]?.GetValue<string>());
        var module = ModuleReference().Match(keyVaultIdentity);
        Assert.True(module.Success, $"keyVaultReferenceIdentity is {keyVaultIdentity}");
        Assert.Contains(
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            infra.Main.Template["resources"]?[module.Groups["symbol"].Value]?["properties"]?["template"].Text(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Site_Transport_IsHttpsOnlyTls12WithoutFtps()
    {
        var properties = Site.Properties!;

        Assert.True(properties["httpsOnly"]?.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]?["minTlsVersion"]?.GetValue<string>());
        Assert.Equal("Disabled", properties["siteConfig"]?["ftpsState"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void PublishingCredentials_Basic_AreDisabled(string kind)
    {
        var policy = infra.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .SingleOrDefault(r => r.LeafNames().SequenceEqual([kind]));

        Assert.NotNull(policy);
        Assert.False(policy.Properties?["allow"]?.GetValue<bool>() ?? true);
    }

    [Fact]
    public void Outputs_Main_GiveWebhookUrlAndResourceNames()
    {
        var outputs = infra.Main.Outputs;

        Assert.Contains("/api/", outputs["WEBHOOK_URL"]?["value"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(outputs["FUNCTION_APP_NAME"]);
        Assert.NotNull(outputs["STORAGE_ACCOUNT_NAME"]);
    }

    // "[reference('identity').outputs.id.value]": the output of the module with symbolic name "identity".
    [GeneratedRegex(@"^\[reference\('(?<symbol>\w+)'\)\.outputs\.id\.value\]$")]
    private static partial Regex ModuleReference();
}
