using System.Text.Json.Nodes;
using Frontdesk.Core;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Storage;

namespace Frontdesk.Infra.Tests;

/// <summary>The Function App's settings against what the code reads.</summary>
public sealed class AppSettingsTests(CompiledInfra infra)
{
    private static readonly string[] s_storageServices = ["blobServiceUri", "queueServiceUri", "tableServiceUri"];

    private JsonObject Settings =>
        infra.ResourcesOfType("Microsoft.Web/sites/config").Single(r => r.LeafNames().SequenceEqual(["appsettings"]))
            .Properties as JsonObject ?? throw new InvalidOperationException("appsettings has no properties object.");

    public static TheoryData<string> OptionsSettingNames() => new(OptionsSettings.SettingNames());

    [Fact]
    public void OptionsTypes_ReflectionOverSrc_FindsTheKnownOptionsClasses()
    {
        var types = OptionsSettings.OptionsTypes();

        Assert.Contains(typeof(WhatsAppOptions), types);
        Assert.Contains(typeof(FrontdeskOptions), types);
    }

    [Theory]
    [MemberData(nameof(OptionsSettingNames))]
    public void Settings_EveryOptionsProperty_IsSet(string settingName)
    {
        var value = Settings[settingName];

        Assert.NotNull(value);
        Assert.False(string.IsNullOrWhiteSpace(value.ToString()), $"{settingName} is empty.");
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData(StorageNames.Connection)]
    public void Settings_StorageConnection_IsIdentityBasedForEveryService(string prefix)
    {
        var settings = Settings;

        Assert.All(s_storageServices, service => Assert.Contains("Endpoint", settings[$"{prefix}__{service}"]?.ToString(), StringComparison.Ordinal));
        Assert.Equal("managedidentity", settings[$"{prefix}__credential"]?.GetValue<string>());
        Assert.Contains("clientId", settings[$"{prefix}__clientId"]?.ToString(), StringComparison.Ordinal);
        Assert.Null(settings[prefix]);
    }

    [Fact]
    public void Settings_SdkClientsAndAppInsights_UseTheUserAssignedIdentity()
    {
        var settings = Settings;

        Assert.Contains("clientId", settings["AZURE_CLIENT_ID"]?.ToString(), StringComparison.Ordinal);
        Assert.Contains("connectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]?.ToString(), StringComparison.Ordinal);
        var authentication = settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.ToString();
        Assert.Contains("ClientId={0};Authorization=AAD", authentication, StringComparison.Ordinal);
        Assert.Contains("outputs.clientId", authentication, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_FlexConsumption_CarriesNoRuntimeSettings()
    {
        var settings = Settings;

        Assert.Null(settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Null(settings["FUNCTIONS_EXTENSION_VERSION"]);
    }
}
