using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Frontdesk.Infra.Tests;

/// <summary>Secrets enter as @secure() parameters, live in Key Vault, and reach the app only as Key Vault references.</summary>
public sealed partial class SecretTests(CompiledInfra infra)
{
    private const string KeyVaultReference = "[format('@Microsoft.KeyVault(SecretUri={0})'";

    private ArmResource AppSettings =>
        infra.ResourcesOfType("Microsoft.Web/sites/config").Single(r => r.LeafNames().SequenceEqual(["appsettings"]));

    // Options properties whose name says they hold a secret; the test of the list is that it is not empty.
    public static TheoryData<string> SecretSettingNames() =>
        new(OptionsSettings.SettingNames().Where(name => SecretName().IsMatch(name)));

    [Theory]
    [MemberData(nameof(SecretSettingNames))]
    public void Settings_SecretOptionsProperty_IsAKeyVaultReference(string settingName)
    {
        var value = (AppSettings.Properties as JsonObject)?[settingName]?.GetValue<string>();

        Assert.NotNull(value);
        Assert.StartsWith(KeyVaultReference, value, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_NoValue_DerivesFromASecureParameter()
    {
        var settings = AppSettings;

        var mentioned = settings.Scope.ParametersMentionedBy(settings.Body["properties"]).ToList();

        Assert.NotEmpty(mentioned);
        Assert.DoesNotContain(mentioned, p => p.Scope.IsSecureParameter(p.Name));
    }

    [Fact]
    public void Parameters_WhatsAppSecrets_AreSecure()
    {
        var secure = infra.Main.Parameters.Select(p => p.Key).Where(infra.Main.IsSecureParameter).ToList();

        Assert.Equal(["whatsAppAccessToken", "whatsAppAppSecret", "whatsAppVerifyToken"], secure.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecureParameters_PassedOnlyToTheKeyVaultModule()
    {
        var receivers = infra.Main.AllResources()
            .Where(r => r.Type == "Microsoft.Resources/deployments" && r.Scope == infra.Main)
            .Where(module => infra.Main.ParametersMentionedBy(module.Body["properties"]?["parameters"])
                .Any(p => infra.Main.IsSecureParameter(p.Name)))
            .ToList();

        var receiver = Assert.Single(receivers);
        Assert.Contains("Microsoft.KeyVault/vaults/secrets", receiver.Body["properties"]?["template"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_NoTemplate_ExposesASecureParameter()
    {
        var outputs = infra.Main.AllScopes()
            .SelectMany(scope => scope.Outputs.Select(output => (Scope: scope, Name: output.Key, Body: output.Value)))
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain("secure", output.Body?["type"]?.GetValue<string>() ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(output.Scope.ParametersMentionedBy(output.Body), p => p.Scope.IsSecureParameter(p.Name));
            Assert.DoesNotContain("listKeys", output.Body.Text(), StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("(Secret|Token|Password|Key|ConnectionString)$")]
    private static partial Regex SecretName();
}
