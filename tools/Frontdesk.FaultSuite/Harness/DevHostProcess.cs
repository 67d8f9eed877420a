using System.Diagnostics;
using System.Globalization;

namespace Frontdesk.FaultSuite.Harness;

/// <summary>
/// DevHost as a real child process (<c>dotnet Frontdesk.DevHost.dll --urls …</c>), its output appended to a log file
/// with timestamps. <see cref="Kill"/> is SIGKILL: no shutdown hook runs, in-flight work is simply gone.
/// </summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    private DevHostProcess(Process process, StreamWriter log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts DevHost and waits until its webhook answers the verification handshake.</summary>
    public static async Task<DevHostProcess> StartAsync(
        string devHostDll, int port, IReadOnlyDictionary<string, string> environment, string logPath, string verifyToken, CancellationToken cancellationToken)
    {
        if (!File.Exists(devHostDll))
        {
            throw new FileNotFoundException($"DevHost is not built: {devHostDll} is missing (dotnet build Functions.sln -c Release).", devHostDll);
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // DevHost's own folder: no developer's local.settings.json is picked up; the environment below decides.
            WorkingDirectory = Path.GetDirectoryName(devHostDll)!,
        };
        foreach (var arg in new[] { devHostDll, "--urls", baseUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet for DevHost.");
        var host = new DevHostProcess(process, log, baseUrl);
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        host.Write($"== started DevHost pid {process.Id.ToString(CultureInfo.InvariantCulture)} on {baseUrl}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var handshake = new Uri(baseUrl, $"/api/webhook?hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(verifyToken)}&hub.challenge=1");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"DevHost exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} at start; see {logPath}.");
            }

            try
            {
                using var response = await http.GetAsync(handshake, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException($"DevHost did not answer the handshake within 90 s; see {logPath}.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL, the whole process tree: what a crashed host looks like.</summary>
    public async Task KillAsync()
    {
        Write("== kill -9");
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
            }
        }
    }
}
