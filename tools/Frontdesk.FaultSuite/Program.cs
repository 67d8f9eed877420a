using System.Globalization;
using Frontdesk.FaultSuite;

// The fault suite and the pipeline load run, each against a fresh Azurite, a fake Graph API and DevHost as a child
// process. Loopback only. docs/fault-suite.md and docs/performance.md say how to read the output.
var command = args.FirstOrDefault() ?? "faults";
var values = Arguments.Parse(args.Skip(1).ToArray());
if (values is null || command is not ("faults" or "load"))
{
    Console.Error.WriteLine("""
        usage: Frontdesk.FaultSuite faults [--customers 1000] [--rate 40] [--kill-at 0.5 | --kill-at none] [--copies 2]
                                           [--seed 11] [--quiet 20] [--settle 300] [--devhost path/to/Frontdesk.DevHost.dll]
               Frontdesk.FaultSuite load   [--rate 80] [--seconds 60] [--devhost path/to/Frontdesk.DevHost.dll]
        """);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (command == "load")
{
    var rate = values.Double("rate", 80);
    var seconds = values.Int("seconds", 60);
    var devHost = values.Get("devhost") ?? Frontdesk.FaultSuite.Harness.Pipeline.DefaultDevHostDll;
    if (!values.AllUsed(out var unknownLoad))
    {
        Console.Error.WriteLine($"unknown option --{unknownLoad}");
        return 2;
    }

    var folder = Path.Combine(Path.GetTempPath(), "frontdesk-load-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
    Console.WriteLine(await LoadRun.RunAsync(rate, seconds, devHost, folder, Console.Out, stop.Token).ConfigureAwait(false));
    return 0;
}

{
    var defaults = new FaultSuiteOptions();
    var options = defaults with
    {
        Customers = values.Int("customers", defaults.Customers),
        CustomersPerSecond = values.Double("rate", defaults.CustomersPerSecond),
        KillAt = values.Get("kill-at") is "none" ? null : values.Double("kill-at", defaults.KillAt ?? 0.5),
        Copies = values.Int("copies", defaults.Copies),
        Faults = defaults.Faults with { Seed = values.Int("seed", defaults.Faults.Seed) },
        Quiet = TimeSpan.FromSeconds(values.Double("quiet", defaults.Quiet.TotalSeconds)),
        SettleTimeout = TimeSpan.FromSeconds(values.Double("settle", defaults.SettleTimeout.TotalSeconds)),
        DevHostDll = values.Get("devhost") ?? defaults.DevHostDll,
    };
    if (!values.AllUsed(out var unknown))
    {
        Console.Error.WriteLine($"unknown option --{unknown}");
        return 2;
    }

    var report = await FaultSuiteRun.RunAsync(options, Console.Out, stop.Token).ConfigureAwait(false);
    Console.WriteLine(report);
    return report.Passed ? 0 : 1;
}

/// <summary>--name value pairs, each read once; anything left over is an unknown option.</summary>
internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new Arguments(values);
    }

    public string? Get(string name) => values.Remove(name, out var value) ? value : null;

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool AllUsed(out string? unknown)
    {
        unknown = values.Keys.FirstOrDefault();
        return unknown is null;
    }
}
