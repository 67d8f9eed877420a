namespace Frontdesk.Infra.Tests;

/// <summary>The vault holding the WhatsApp secrets.</summary>
public sealed class KeyVaultTests(CompiledInfra infra)
{
    [Fact]
    public void Vault_Protection_RbacSoftDeleteAndPurgeProtection()
    {
        var properties = infra.Single("Microsoft.KeyVault/vaults").Properties!;

        Assert.True(properties["enableRbacAuthorization"]?.GetValue<bool>());
        Assert.True(properties["enableSoftDelete"]?.GetValue<bool>());
        Assert.True(properties["enablePurgeProtection"]?.GetValue<bool>());
    }

    [Fact]
    public void Secrets_EachSecureParameter_IsStoredAsASecret()
    {
        var secrets = infra.ResourcesOfType("Microsoft.KeyVault/vaults/secrets").ToList();

        var stored = secrets.SelectMany(s => s.Scope.ParametersMentionedBy(s.Body["properties"]?["value"]))
            .Where(p => p.Scope == infra.Main)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        var secure = infra.Main.Parameters.Select(p => p.Key).Where(infra.Main.IsSecureParameter).Order(StringComparer.Ordinal);
        Assert.Equal(secure, stored);
    }
}
