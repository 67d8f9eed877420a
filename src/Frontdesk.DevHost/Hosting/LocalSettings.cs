using System.Text.Json;

namespace Frontdesk.DevHost.Hosting;

/// <summary>
/// Settings as the Functions host reads them locally: <c>local.settings.json</c>'s <c>Values</c>, overridden by
/// environment variables. <c>WhatsApp__AppSecret</c> becomes the configuration key <c>WhatsApp:AppSecret</c>.
/// Without a local.settings.json, the committed sample's safe local values are used, so a fresh clone runs.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>The file to read: the first local.settings.json (or, failing that, the sample) in the folder or above it.</summary>
    public static string? Find(string startFolder)
    {
        foreach (var name in new[] { FileName, SampleFileName })
        {
            for (var dir = new DirectoryInfo(startFolder); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }

        return values;
    }
}
