using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Queues;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.FaultSuite.Harness;

/// <summary>
/// The whole product on this machine, each part a real process or server: a fresh Azurite on free ports, a fake
/// Graph API, and DevHost as a child process pointed at both. DevHost can be killed and started again on its port.
/// </summary>
public sealed class Pipeline : IAsyncDisposable
{
    public const string AppSecret = "fault_suite_app_secret";
    public const string VerifyToken = "fault_suite_verify_token";

    private static readonly string[] s_queues = [StorageNames.Queues.WebhookInbox, StorageNames.Queues.OutboundMessages];

    private readonly string _devHostDll;
    private readonly int _port;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private int _starts;

    private Pipeline(AzuriteServer azurite, FakeGraphServer graph, string devHostDll, int port, IReadOnlyDictionary<string, string> environment, string logFolder)
    {
        Azurite = azurite;
        Graph = graph;
        _devHostDll = devHostDll;
        _port = port;
        _environment = environment;
        LogFolder = logFolder;
    }

    public AzuriteServer Azurite { get; }

    public FakeGraphServer Graph { get; }

    public DevHostProcess? Host { get; private set; }

    /// <summary>Where DevHost's output goes (one file per start).</summary>
    public string LogFolder { get; }

    public Uri WebhookUrl => new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/api/webhook");

    /// <summary>DevHost's dll next to this tool (it references DevHost), as built in the same configuration.</summary>
    public static string DefaultDevHostDll => Path.Combine(AppContext.BaseDirectory, "Frontdesk.DevHost.dll");

    /// <summary>Starts Azurite and the fake Graph API, then DevHost with <paramref name="settings"/> added to its environment.</summary>
    public static async Task<Pipeline> StartAsync(string devHostDll, IReadOnlyDictionary<string, string> settings, string logFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(logFolder);
        var azurite = await AzuriteServer.StartAsync(cancellationToken).ConfigureAwait(false);
        var graph = await FakeGraphServer.StartAsync(cancellationToken).ConfigureAwait(false);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FrontdeskStorage"] = azurite.ConnectionString,
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["WhatsApp__AccessToken"] = "fault-suite-access-token",
            ["WhatsApp__GraphBaseUrl"] = graph.BaseUrl.ToString(),
            ["WhatsApp__AppSecret"] = AppSecret,
            ["WhatsApp__VerifyToken"] = VerifyToken,
            ["DevHost__FunctionKey"] = "fault_suite_function_key",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var pipeline = new Pipeline(azurite, graph, devHostDll, FreePort(), environment, logFolder);
        try
        {
            await pipeline.StartHostAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await pipeline.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return pipeline;
    }

    /// <summary>Starts DevHost (again) on the same port, against the same Azurite and Graph API.</summary>
    public async Task StartHostAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _starts);
        var log = Path.Combine(LogFolder, $"devhost-{n.ToString(CultureInfo.InvariantCulture)}.log");
        Host = await DevHostProcess.StartAsync(_devHostDll, _port, _environment, log, VerifyToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>kill -9 of DevHost.</summary>
    public async Task KillHostAsync()
    {
        if (Host is { } host)
        {
            await host.KillAsync().ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
            Host = null;
        }
    }

    /// <summary>Messages in the inbox and outbound queues, invisible ones (being handled, or delayed retries) included.</summary>
    public async Task<QueueDepths> DepthsAsync(CancellationToken cancellationToken)
    {
        var counts = new int[s_queues.Length * 2];
        for (var i = 0; i < s_queues.Length; i++)
        {
            counts[2 * i] = await CountAsync(s_queues[i], cancellationToken).ConfigureAwait(false);
            counts[(2 * i) + 1] = await CountAsync(s_queues[i] + "-poison", cancellationToken).ConfigureAwait(false);
        }

        return new QueueDepths(counts[0], counts[1], counts[2], counts[3]);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is { } host)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        await Graph.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<int> CountAsync(string queue, CancellationToken cancellationToken)
    {
        var client = new QueueClient(Azurite.ConnectionString, queue);
        try
        {
            return (await client.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Queue depths at one moment (invisible messages included).</summary>
public sealed record QueueDepths(int Inbox, int InboxPoison, int Outbound, int OutboundPoison)
{
    public bool Drained => Inbox == 0 && Outbound == 0;

    public override string ToString() =>
        $"inbox {Inbox.ToString(CultureInfo.InvariantCulture)} (poison {InboxPoison.ToString(CultureInfo.InvariantCulture)}), " +
        $"outbound {Outbound.ToString(CultureInfo.InvariantCulture)} (poison {OutboundPoison.ToString(CultureInfo.InvariantCulture)})";
}
