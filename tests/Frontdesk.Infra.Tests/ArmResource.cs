using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Frontdesk.Infra.Tests;

/// <summary>A resource in the compiled template, with the scope (template) it was declared in.</summary>
public sealed partial class ArmResource(JsonObject body, ArmScope scope)
{
    public JsonObject Body { get; } = body;

    public ArmScope Scope { get; } = scope;

    public string Type => Body["type"]?.GetValue<string>() ?? "";

    /// <summary>The resource's properties with parameter and variable references resolved.</summary>
    public JsonNode? Properties => Scope.Resolve(Body["properties"]);

    public bool IsConditional => Body.ContainsKey("condition");

    /// <summary>The raw (unresolved) text of a top-level field, e.g. <c>scope</c>.</summary>
    public string Raw(string field) => Body[field].Text();

    /// <summary>
    /// The last segment of the resource's name for each copy of it: a copy loop over a parameter or variable array
    /// yields each element; a single resource yields the last argument of its name. Literals where Bicep had literals,
    /// the expression text where the name is computed at deployment.
    /// </summary>
    public IReadOnlyList<string> LeafNames()
    {
        var name = Body["name"]?.GetValue<string>() ?? "";
        return Expand(name.Contains("[copyIndex()]", StringComparison.Ordinal) ? name : LastArgument(name));
    }

    /// <summary>Role definition GUIDs this (possibly looped) role assignment grants.</summary>
    public IReadOnlyList<string> RoleDefinitionGuids()
    {
        var id = Body["properties"]?["roleDefinitionId"]?.GetValue<string>() ?? "";
        return Expand(LastArgument(id));
    }

    // An expression argument like "variables('roles').x", "parameters('names')[copyIndex()]" or "'literal'".
    private List<string> Expand(string argument)
    {
        var loop = LoopOver().Match(argument);
        var expression = loop.Success ? loop.Groups["array"].Value : argument.Trim();
        if (expression.StartsWith('\'') && expression.EndsWith('\''))
        {
            return [expression.Trim('\'')];
        }

        var resolved = Scope.Resolve(JsonValue.Create($"[{expression}]"));
        IEnumerable<JsonNode?> values = loop.Success && resolved is JsonArray array ? array : [resolved];
        // A name that stays an expression (computed from the environment) is returned as that expression text.
        return values.Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? text : v.Text())
            .ToList();
    }

    private static string LastArgument(string expression)
    {
        var match = LastArgumentPattern().Match(expression);
        return match.Success
            ? match.Groups["argument"].Value
            : throw new InvalidOperationException($"Cannot find the last argument of '{expression}'.");
    }

    [GeneratedRegex(@"(?<array>(parameters|variables)\('[^']+'\)(\.\w+)*)\[copyIndex\(\)\]")]
    private static partial Regex LoopOver();

    // The last top-level argument of the outermost call: "[f(a, b, variables('x').y)]" → "variables('x').y".
    [GeneratedRegex(@",\s*(?<argument>(?:[^,()]|\([^()]*\))+(?:\[copyIndex\(\)\])?)\)\]$")]
    private static partial Regex LastArgumentPattern();
}
