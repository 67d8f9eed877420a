using System.Reflection;

namespace Frontdesk.Infra.Tests;

/// <summary>Values the csproj bakes into this assembly at build time (see AssemblyMetadata items there).</summary>
internal static class BuildInfo
{
    public static string NuGetPackageRoot => Read(nameof(NuGetPackageRoot));

    public static string BicepCliVersion => Read(nameof(BicepCliVersion));

    public static string RepositoryRoot => Read(nameof(RepositoryRoot));

    private static string Read(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata '{key}' is missing: see Frontdesk.Infra.Tests.csproj.");
}
