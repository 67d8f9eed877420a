using System.Text.RegularExpressions;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// No two namespaces in src/ import each other, directly or round a loop (namespaces matching folders is enforced by
/// the build: IDE0130 in .editorconfig). It lives here because this test project sits above every src/ project.
/// </summary>
public sealed partial class NamespaceTests
{
    private static Dictionary<string, HashSet<string>> Imports()
    {
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var src = Path.Combine(RepositoryRoot.Find(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var ns = Namespace().Match(text) is { Success: true } m ? m.Groups["name"].Value : "(global)";
            var set = imports.TryGetValue(ns, out var existing) ? existing : imports[ns] = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(Using().Matches(text).Select(u => u.Groups["name"].Value).Where(u => u != ns));
        }

        return imports;
    }

    /// <summary>The first loop found by a depth-first walk, as "A → B → A", or null.</summary>
    private static string? FindCycle(Dictionary<string, HashSet<string>> imports)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        string? Visit(string ns)
        {
            var at = path.IndexOf(ns);
            if (at >= 0)
            {
                return string.Join(" → ", path.Skip(at).Append(ns));
            }

            if (!done.Add(ns))
            {
                return null;
            }

            path.Add(ns);
            foreach (var next in imports.GetValueOrDefault(ns) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return imports.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [Fact]
    public void SourceNamespaces_ImportNoCycle()
    {
        var imports = Imports();

        Assert.Contains("Frontdesk.DevHost.Triggers", imports.Keys);
        Assert.Null(FindCycle(imports));
    }

    [Fact]
    public void FindCycle_TwoNamespacesImportingEachOther_IsFound()
    {
        var imports = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["B"],
        };

        Assert.Equal("B → C → B", FindCycle(imports));
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using (?<name>Frontdesk[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Using();
}
