namespace Frontdesk.Infra.Tests;

/// <summary>One run of the Bicep CLI: exit code, standard output and the diagnostics it printed.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Warning and error lines. The CLI exits 0 on warnings (an unknown property, BCP037, is only a warning), so these
    /// lines, not the exit code, decide whether infra/ is clean.
    /// </summary>
    public IReadOnlyList<string> Problems { get; } =
        $"{StandardError}\n{StandardOutput}".Split('\n')
            .Where(line => line.Contains(": Warning ", StringComparison.Ordinal) || line.Contains(": Error ", StringComparison.Ordinal))
            .Select(line => line.TrimEnd())
            .ToArray();
}
