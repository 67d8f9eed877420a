using Frontdesk.Storage;

namespace Frontdesk.Infra.Tests;

/// <summary>The app's identity holds a data role for each storage service the code touches, and for Key Vault.</summary>
public sealed class RoleAssignmentTests(CompiledInfra infra)
{
    // Built-in role definition GUIDs, the same in every tenant.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    // The app identity's assignments: unconditional, to a service principal, whose id comes from the identity resource.
    private IReadOnlyList<ArmResource> AppAssignments =>
        infra.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(r => !r.IsConditional
                && r.Body["properties"]?["principalType"]?.GetValue<string>() == "ServicePrincipal"
                && r.Body["properties"]?["principalId"].Text().Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal) == true)
            .ToList();

    private IReadOnlyList<string> RolesOnScope(string resourceType) =>
        AppAssignments.Where(r => r.Raw("scope").Contains(resourceType, StringComparison.Ordinal))
            .SelectMany(r => r.RoleDefinitionGuids())
            .ToList();

    public static TheoryData<string, string> StorageServicesInUse()
    {
        // Host storage always needs blobs (leases, the Flex package); the rest follows from what the code names.
        var data = new TheoryData<string, string> { { "blob (host, package)", StorageBlobDataOwner } };
        if (StorageNames.Queues.All.Count > 0)
        {
            data.Add("queues", StorageQueueDataContributor);
        }

        if (StorageNames.Tables.All.Count > 0)
        {
            data.Add("tables", StorageTableDataContributor);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StorageServicesInUse))]
    public void Identity_StorageServiceInUse_HoldsItsDataRole(string service, string roleId)
    {
        var roles = RolesOnScope("Microsoft.Storage/storageAccounts");

        Assert.True(roles.Contains(roleId), $"The app identity has no data role for {service} ({roleId}).");
    }

    [Fact]
    public void Identity_KeyVault_HoldsSecretsUser()
    {
        Assert.Equal([KeyVaultSecretsUser], RolesOnScope("Microsoft.KeyVault/vaults"));
    }

    [Fact]
    public void Identity_AppInsights_HoldsMonitoringMetricsPublisher()
    {
        Assert.Equal([MonitoringMetricsPublisher], RolesOnScope("Microsoft.Insights/components"));
    }

    [Fact]
    public void Identity_Assignments_AreScopedToResourcesNotTheGroup()
    {
        Assert.NotEmpty(AppAssignments);
        Assert.All(AppAssignments, r => Assert.Contains("resourceId(", r.Raw("scope"), StringComparison.Ordinal));
    }

    [Fact]
    public void Identity_Roles_GrantNothingBeyondTheListedOnes()
    {
        var allowed = new[]
        {
            StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, KeyVaultSecretsUser,
            MonitoringMetricsPublisher,
        };

        var granted = AppAssignments.SelectMany(r => r.RoleDefinitionGuids());

        Assert.All(granted, role => Assert.Contains(role, allowed));
    }
}
