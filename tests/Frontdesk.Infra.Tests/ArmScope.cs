using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Frontdesk.Infra.Tests;

/// <summary>
/// One template of the compiled ARM JSON (main or a module) and the parameter values its parent passes in. Resolves
/// whole-value references — <c>[parameters('x')]</c>, <c>[variables('x')]</c>, optionally followed by <c>.property</c> —
/// through module boundaries, so tests see literals where Bicep wrote literals. Anything else (reference(), format(),
/// resourceId()) stays an expression string; the tests assert on those as text.
/// </summary>
public sealed partial class ArmScope(JsonObject template, JsonObject? passedParameters, ArmScope? parent)
{
    public JsonObject Template { get; } = template;

    public ArmScope? Parent { get; } = parent;

    public JsonObject Parameters => Template["parameters"] as JsonObject ?? [];

    public JsonObject Outputs => Template["outputs"] as JsonObject ?? [];

    /// <summary>This template's resources and, depth first, those of every module it deploys.</summary>
    public IEnumerable<ArmResource> AllResources()
    {
        IEnumerable<JsonNode?> resources = Template["resources"] switch
        {
            JsonArray array => array,
            JsonObject symbolic => symbolic.Select(pair => pair.Value),
            _ => [],
        };
        foreach (var body in resources.OfType<JsonObject>())
        {
            var resource = new ArmResource(body, this);
            yield return resource;
            if (resource.Type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject module)
            {
                var child = new ArmScope(module, body["properties"]?["parameters"] as JsonObject, this);
                foreach (var nested in child.AllResources())
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Every template: this one and its modules.</summary>
    public IEnumerable<ArmScope> AllScopes() =>
        AllResources().Select(r => r.Scope).Distinct().Prepend(this).Distinct();

    public bool IsSecureParameter(string name) =>
        Parameters[name]?["type"]?.GetValue<string>() is { } type
        && type.StartsWith("secure", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns a copy of <paramref name="node"/> with whole-value parameter and variable references replaced.</summary>
    public JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Resolve(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(Resolve).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => ResolveText(text),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// The parameters (of this template) an expression mentions, following variables and module parameters up to
    /// the template where they are declared: used to prove a secure parameter never reaches a setting or an output.
    /// </summary>
    public IEnumerable<(ArmScope Scope, string Name)> ParametersMentionedBy(JsonNode? node)
    {
        var text = node.Text();
        foreach (Match match in ParameterMention().Matches(text))
        {
            var name = match.Groups["name"].Value;
            yield return (this, name);
            if (passedParameters?[name]?["value"] is { } passed && Parent is not null)
            {
                foreach (var upstream in Parent.ParametersMentionedBy(passed))
                {
                    yield return upstream;
                }
            }
        }

        foreach (Match match in VariableMention().Matches(text))
        {
            foreach (var mentioned in ParametersMentionedBy(Template["variables"]?[match.Groups["name"].Value]))
            {
                yield return mentioned;
            }
        }
    }

    private JsonNode? ResolveText(string text)
    {
        var match = WholeReference().Match(text);
        if (!match.Success)
        {
            return JsonValue.Create(FormatOfLiterals(text) ?? text);
        }

        var name = match.Groups["name"].Value;
        var value = match.Groups["kind"].Value == "parameters" ? Parameter(name) : Variable(name);
        foreach (var property in match.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            value = value?[property];
        }

        return value?.DeepClone();
    }

    // "[format('{0}/', parameters('x'))]" with every argument a literal or a resolvable reference → the string.
    private string? FormatOfLiterals(string text)
    {
        var match = FormatCall().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var arguments = new List<string>();
        foreach (var argument in SplitArguments(match.Groups["args"].Value))
        {
            var literal = argument.StartsWith('\'') && argument.EndsWith('\'')
                ? argument[1..^1].Replace("''", "'", StringComparison.Ordinal)
                : ResolveText($"[{argument}]") is JsonValue value && value.TryGetValue<string>(out var resolved) && !resolved.StartsWith('[')
                    ? resolved
                    : null;
            if (literal is null)
            {
                return null;
            }

            arguments.Add(literal);
        }

        var format = match.Groups["format"].Value.Replace("''", "'", StringComparison.Ordinal);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, [.. arguments]);
    }

    private static IEnumerable<string> SplitArguments(string arguments)
    {
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (c == '\'')
            {
                inString = !inString;
            }
            else if (!inString && c is '(' or '[')
            {
                depth++;
            }
            else if (!inString && c is ')' or ']')
            {
                depth--;
            }
            else if (!inString && depth == 0 && c == ',')
            {
                yield return arguments[start..i].Trim();
                start = i + 1;
            }
        }

        if (arguments[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    private JsonNode? Parameter(string name)
    {
        if (passedParameters?[name]?["value"] is { } passed && Parent is not null)
        {
            return Parent.Resolve(passed);
        }

        return Parameters[name] is JsonObject declared
            ? Resolve(declared["defaultValue"])
            : throw new InvalidOperationException($"Parameter '{name}' is not declared in this template.");
    }

    private JsonNode? Variable(string name) =>
        Template["variables"] is JsonObject variables && variables.ContainsKey(name)
            ? Resolve(variables[name])
            : throw new InvalidOperationException($"Variable '{name}' is not declared in this template.");

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)(?<path>(\.\w+)*)\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"^\[format\('(?<format>(?:[^']|'')*)',\s*(?<args>.*)\)\]$")]
    private static partial Regex FormatCall();

    [GeneratedRegex(@"parameters\('(?<name>[^']+)'\)")]
    private static partial Regex ParameterMention();

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableMention();
}
