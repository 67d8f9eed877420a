using System.Text.RegularExpressions;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>Every test in tests/ is named Method_Condition_Result (or Condition_Result) in PascalCase parts (docs/conventions.md).</summary>
public sealed partial class TestNameTests
{
    [Fact]
    public void TestMethods_EveryName_IsPascalCasePartsJoinedByUnderscores()
    {
        var tests = Path.Combine(RepositoryRoot.Find(), "tests");
        var names = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TestMethod().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups["name"].Value)))
            .ToList();

        Assert.True(names.Count > 300, $"Expected every test method, found {names.Count}.");
        Assert.All(names, t => Assert.True(Convention().IsMatch(t.Name), $"{t.File}: {t.Name} is not Method_Condition_Result."));
    }

    /// <summary>A [Fact] or [Theory], its other attributes, then the method's name.</summary>
    [GeneratedRegex(@"\[(?:Fact|Theory)[^\]]*\](?:\s*\[[^\n]*\])*\s*public (?:async )?(?:static )?[\w<>]+ (?<name>\w+)\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(_[A-Z0-9][A-Za-z0-9]*){1,3}$")]
    private static partial Regex Convention();
}
