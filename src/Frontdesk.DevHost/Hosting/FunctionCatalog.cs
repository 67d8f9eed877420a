using System.Reflection;
using System.Text.Json;

namespace Frontdesk.DevHost.Hosting;

/// <summary>
/// The functions the build declared, read from <c>functions.metadata</c> next to the app (the file Azure reads),
/// with each entry point resolved to its method. Nothing here is a second, hand-written list.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionEntry> functions) => Functions = functions;

    public IReadOnlyList<FunctionEntry> Functions { get; }

    public static FunctionCatalog Load(string folder)
    {
        var path = Path.Combine(folder, "functions.metadata");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build Frontdesk.Functions (dotnet build) so the Functions SDK writes it.");
        }

        var definitions = JsonSerializer.Deserialize(File.ReadAllText(path), FunctionMetadataJson.Default.ListFunctionDefinition) ?? [];
        return new FunctionCatalog(definitions.Select(d => new FunctionEntry(d, Resolve(folder, d))).ToList());
    }

    private static MethodInfo Resolve(string folder, FunctionDefinition definition)
    {
        var assembly = Assembly.LoadFrom(Path.Combine(folder, definition.ScriptFile));
        var split = definition.EntryPoint.LastIndexOf('.');
        var type = assembly.GetType(definition.EntryPoint[..split], throwOnError: true)!;
        var methodName = definition.EntryPoint[(split + 1)..];
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == methodName)
            ?? throw new InvalidOperationException($"Function '{definition.Name}': no single public method {definition.EntryPoint}.");
    }
}
