using Frontdesk.Storage;

namespace Frontdesk.Infra.Tests;

/// <summary>The storage account and everything in it the code uses (Frontdesk.Storage.StorageNames).</summary>
public sealed class StorageTests(CompiledInfra infra)
{
    private IReadOnlyList<string> Names(string type) =>
        infra.ResourcesOfType(type).SelectMany(r => r.LeafNames()).ToList();

    [Fact]
    public void Queues_EveryQueueTheCodeUses_IsProvisioned()
    {
        var queues = Names("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(StorageNames.Queues.All.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tables_EveryTableTheCodeUses_IsProvisioned()
    {
        var tables = Names("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Equal(StorageNames.Tables.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Containers_EveryContainerTheCodeUses_IsProvisionedPrivate()
    {
        var containers = infra.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.All(StorageNames.Containers.All, name => Assert.Contains(name, containers.SelectMany(c => c.LeafNames())));
        Assert.All(containers, c => Assert.Equal("None", c.Properties?["publicAccess"]?.GetValue<string>()));
    }

    [Fact]
    public void Containers_DeploymentPackage_HasItsOwnContainer()
    {
        var names = Names("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Contains(names, n => !StorageNames.Containers.All.Contains(n));
    }

    [Fact]
    public void Account_SecureByDefault_SharedKeyOffTls12HttpsOnlyNoPublicBlobs()
    {
        var account = infra.Single("Microsoft.Storage/storageAccounts");
        var properties = account.Properties!;

        Assert.Equal("StorageV2", account.Body["kind"]?.GetValue<string>());
        Assert.False(properties["allowSharedKeyAccess"]?.GetValue<bool>() ?? true);
        Assert.False(properties["allowBlobPublicAccess"]?.GetValue<bool>() ?? true);
        Assert.True(properties["supportsHttpsTrafficOnly"]?.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]?.GetValue<string>());
    }

    [Fact]
    public void Lifecycle_ClaimCheckContainer_DeletesBodiesWithinDays()
    {
        var policy = infra.Single("Microsoft.Storage/storageAccounts/managementPolicies").Properties!;

        var rule = Assert.Single(policy["policy"]!["rules"]!.AsArray());
        var prefixes = rule!["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => p!.GetValue<string>());
        Assert.Contains($"{StorageNames.Containers.WebhookBodies}/", prefixes);
        var days = rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<int>();
        Assert.InRange(days, 1, 30);
    }
}
