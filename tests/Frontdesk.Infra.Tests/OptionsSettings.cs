using System.Reflection;

namespace Frontdesk.Infra.Tests;

/// <summary>
/// The app settings the code reads through options classes, found by reflection: every public type in a Frontdesk
/// assembly next to the tests (all of src/, through the Frontdesk.Functions reference) with a
/// <c>public const string SectionName</c>, and each of its public settable properties, as <c>{Section}__{Property}</c>.
/// </summary>
public static class OptionsSettings
{
    public static IReadOnlyList<Type> OptionsTypes() =>
        FrontdeskAssemblies()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => SectionNameOf(t) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> SettingNames() =>
        OptionsTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{SectionNameOf(t)}__{p.Name}"))
            .ToList();

    public static string? SectionNameOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
        && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    // Loaded from the output folder rather than from references: the compiler drops references to assemblies whose
    // types the code does not use yet, and an options class must count from the day it is added.
    private static IEnumerable<Assembly> FrontdeskAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Frontdesk.*.dll")
            .Where(path => !Path.GetFileNameWithoutExtension(path).EndsWith("Tests", StringComparison.Ordinal))
            .Select(path => Assembly.LoadFrom(path))
            .Where(a => a != typeof(OptionsSettings).Assembly);
}
