using System.Text.RegularExpressions;

namespace Frontdesk.Infra.Tests;

/// <summary>
/// The property names each telemetry event carries, as documented in src/Frontdesk.Core/Telemetry/TelemetryEvents.cs
/// ("Properties: <c>A</c>, <c>B</c>"), and the [LoggerMessage] templates in src/ that log those events. The workbook
/// reads customDimensions by these names, so the source is the contract.
/// </summary>
public static partial class TelemetryContract
{
    public const string EventsFile = "src/Frontdesk.Core/Telemetry/TelemetryEvents.cs";

    /// <summary>Event constant name → documented property names.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> DocumentedProperties()
    {
        var source = File.ReadAllText(CompiledInfra.RepositoryFile(EventsFile));
        return EventDoc().Matches(source).ToDictionary(
            m => m.Groups["name"].Value,
            m => (IReadOnlySet<string>)Code().Matches(m.Groups["properties"].Value).Select(c => c.Groups["name"].Value).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Every [LoggerMessage] in src/ whose event id is a TelemetryEvents constant: (file, event, template).</summary>
    public static IReadOnlyList<(string File, string Event, string Template)> LoggedEvents() =>
        Directory.EnumerateFiles(CompiledInfra.RepositoryFile("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => LoggerMessage().Matches(File.ReadAllText(path))
                .Select(m => (Arguments: m.Groups["args"].Value, Path: path)))
            .Select(a => (a.Path, Event: EventReference().Match(a.Arguments), Template: StringLiteral().Match(a.Arguments)))
            .Where(a => a.Event.Success && a.Template.Success)
            .Select(a => (Path.GetRelativePath(BuildInfo.RepositoryRoot, a.Path), a.Event.Groups["name"].Value, a.Template.Groups["text"].Value))
            .ToList();

    /// <summary>The placeholders of a message template: "{Bytes} bytes" → Bytes.</summary>
    public static IReadOnlySet<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"<summary>(?:(?!</summary>).)*?Properties:(?<properties>(?:(?!</summary>).)*)</summary>\s*public const int (?<name>\w+)", RegexOptions.Singleline)]
    private static partial Regex EventDoc();

    [GeneratedRegex(@"<c>(?<name>\w+)</c>")]
    private static partial Regex Code();

    [GeneratedRegex(@"\[LoggerMessage\((?<args>(?:[^""\]]|""[^""]*"")*)\)\]")]
    private static partial Regex LoggerMessage();

    [GeneratedRegex(@"TelemetryEvents\.(?<name>\w+)")]
    private static partial Regex EventReference();

    [GeneratedRegex(@"""(?<text>[^""]*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{(?<name>\w+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
