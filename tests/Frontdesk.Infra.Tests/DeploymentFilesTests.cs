using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Frontdesk.Infra.Tests;

/// <summary>main.parameters.json and azure.yaml agree with the template, so `azd up` does not fail half-way.</summary>
public sealed partial class DeploymentFilesTests(CompiledInfra infra)
{
    private static JsonObject ParametersFile =>
        JsonNode.Parse(File.ReadAllText(CompiledInfra.RepositoryFile("infra/main.parameters.json")))!["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredInMain()
    {
        var declared = infra.Main.Parameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(ParametersFile.Select(p => p.Key), name => Assert.Contains(name, declared));
    }

    [Fact]
    public void ParametersFile_EveryRequiredParameter_IsGivenAValue()
    {
        var given = ParametersFile.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var required = infra.Main.Parameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);

        Assert.All(required, name => Assert.Contains(name, given));
    }

    [Fact]
    public void AzureYaml_Service_MatchesTheAppsAzdServiceName()
    {
        var yaml = File.ReadAllText(CompiledInfra.RepositoryFile("azure.yaml"));
        var functionAppModule = infra.Main.AllResources()
            .Single(r => r.Type == "Microsoft.Resources/deployments" && r.Body["properties"]?["parameters"]?["azdServiceName"] is not null);

        var service = ServiceName().Match(yaml);
        var tagged = functionAppModule.Body["properties"]?["parameters"]?["azdServiceName"]?["value"]?.GetValue<string>();

        Assert.True(service.Success, "azure.yaml has no service.");
        Assert.Equal(service.Groups["name"].Value, tagged);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("project: ./src/Frontdesk.Functions", yaml, StringComparison.Ordinal);
    }

    // The first key under "services:", skipping comment lines.
    [GeneratedRegex(@"^services:\s*\n(?:\s*#.*\n)*  (?<name>[\w-]+):", RegexOptions.Multiline)]
    private static partial Regex ServiceName();
}
