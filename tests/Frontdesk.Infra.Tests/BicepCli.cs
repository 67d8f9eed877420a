using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace Frontdesk.Infra.Tests;

/// <summary>
/// The Bicep CLI that restore downloaded (PackageDownload in the csproj), so the tests need no az CLI and no network.
/// </summary>
public sealed class BicepCli(string path)
{
    public string Path { get; } = path;

    /// <summary>Finds the CLI in the NuGet packages folder and makes sure it can be executed.</summary>
    public static BicepCli Locate()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The tests download Azure.Bicep.CommandLine.linux-x64: run them on Linux (CI, WSL, a dev container).");
        }

        var packaged = System.IO.Path.Combine(
            BuildInfo.NuGetPackageRoot, "azure.bicep.commandline.linux-x64", BuildInfo.BicepCliVersion, "tools", "bicep");
        if (!File.Exists(packaged))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI is not at {packaged}: run `dotnet restore tests/Frontdesk.Infra.Tests` (it downloads Azure.Bicep.CommandLine.linux-x64).");
        }

        return new BicepCli(EnsureExecutable(packaged));
    }

    public async Task<BicepRun> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = BuildInfo.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: the CLI would otherwise try to send telemetry.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new BicepRun(process.ExitCode, await standardOutput, await standardError);
    }

    // The package ships the binary as rwxr--r--: only its owner may run it, and only the owner may chmod it. Anyone else
    // runs a private copy.
    [SupportedOSPlatform("linux")]
    private static string EnsureExecutable(string packaged)
    {
        if (IsExecutable(packaged))
        {
            return packaged;
        }

        try
        {
            File.SetUnixFileMode(packaged, File.GetUnixFileMode(packaged) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
            if (IsExecutable(packaged))
            {
                return packaged;
            }
        }
        catch (UnauthorizedAccessException)
        {
        }

        var copy = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), $"frontdesk-bicep-{BuildInfo.BicepCliVersion}-{Environment.UserName}", "bicep");
        if (!File.Exists(copy) || new FileInfo(copy).Length != new FileInfo(packaged).Length)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(packaged, copy, overwrite: true);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return copy;
    }

    private static bool IsExecutable(string file)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(file, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            probe?.WaitForExit();
            return probe?.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
