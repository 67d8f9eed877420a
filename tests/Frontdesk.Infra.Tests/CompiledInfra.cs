using System.Text.Json.Nodes;

[assembly: AssemblyFixture(typeof(Frontdesk.Infra.Tests.CompiledInfra))]

namespace Frontdesk.Infra.Tests;

/// <summary>
/// infra/main.bicep linted and compiled once per test run with the Bicep CLI from the NuGet packages folder; every test
/// class reads the same ARM JSON.
/// </summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    public const string MainTemplate = "infra/main.bicep";

    public BicepRun Lint { get; private set; } = new(-1, "", "not run");

    public BicepRun Build { get; private set; } = new(-1, "", "not run");

    /// <summary>The compiled main template; its modules are nested deployments (<see cref="ArmScope.AllResources"/>).</summary>
    public ArmScope Main => _main ?? throw new InvalidOperationException(
        $"bicep build {MainTemplate} failed (exit {Build.ExitCode}):\n{Build.StandardError}");

    private ArmScope? _main;

    public async ValueTask InitializeAsync()
    {
        var cli = BicepCli.Locate();
        var cancellationToken = TestContext.Current.CancellationToken;
        Lint = await cli.RunAsync(["lint", MainTemplate], cancellationToken);
        Build = await cli.RunAsync(["build", MainTemplate, "--stdout"], cancellationToken);
        if (Build.ExitCode == 0)
        {
            _main = new ArmScope(JsonNode.Parse(Build.StandardOutput)!.AsObject(), null, null);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public IEnumerable<ArmResource> ResourcesOfType(string type) =>
        Main.AllResources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type) =>
        ResourcesOfType(type).ToList() is [var single]
            ? single
            : throw new InvalidOperationException($"Expected exactly one {type} in the compiled template.");

    public static string RepositoryFile(string relativePath) => Path.Combine(BuildInfo.RepositoryRoot, relativePath);
}
