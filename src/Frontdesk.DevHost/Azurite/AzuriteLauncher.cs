using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Frontdesk.Core.Telemetry;

namespace Frontdesk.DevHost.Azurite;

/// <summary>
/// Starts Azurite from the repository's node_modules on its default ports when the development storage is asked
/// for and nothing listens there yet; stops it when DevHost stops. An Azurite already running is used as it is.
/// </summary>
public sealed partial class AzuriteLauncher(ILogger<AzuriteLauncher> logger) : IAsyncDisposable
{
    private static readonly int[] s_ports = [10000, 10001, 10002];
    private Process? _process;

    /// <summary>
    /// Uses an Azurite already on 10000-10002, or starts the one installed by <c>npm ci</c>: found from the current
    /// directory upwards, else from DevHost's own build output (which lives inside the repository).
    /// </summary>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (await AllListeningAsync(cancellationToken).ConfigureAwait(false))
        {
            Log.AlreadyRunning(logger);
            return;
        }

        var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException(
            "Azurite is not installed: run `npm ci` at the repository root, or start Azurite yourself, or point FrontdeskStorage at another account.");
        var data = Path.Combine(root, ".azurite");
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js"), "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", data, "--debug", Path.Combine(data, "debug.log") })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node to run Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AllListeningAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start (see {Path.Combine(data, "debug.log")}); are ports 10000-10002 free?");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        Log.Started(logger, _process.Id, data);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
            Log.Stopped(logger);
        }

        _process?.Dispose();
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static async Task<bool> AllListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var port in s_ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DevHostAzuriteReused, LogLevel.Information, "Azurite is already listening on 10000-10002; using it")]
        public static partial void AlreadyRunning(ILogger logger);

        [LoggerMessage(TelemetryEvents.DevHostAzuriteStarted, LogLevel.Information, "Started Azurite (pid {Pid}, data in {Folder}); it stops with DevHost")]
        public static partial void Started(ILogger logger, int pid, string folder);

        [LoggerMessage(TelemetryEvents.DevHostAzuriteStopped, LogLevel.Information, "Stopped Azurite")]
        public static partial void Stopped(ILogger logger);
    }
}
