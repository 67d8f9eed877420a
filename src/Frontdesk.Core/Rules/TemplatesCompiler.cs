using System.Text.RegularExpressions;

namespace Frontdesk.Core.Rules;

/// <summary>
/// The <c>Templates</c> rows of one number (its own, then <c>default</c> for purposes it has no row for): RowKey the
/// purpose, columns <c>Name</c>, <c>Language</c>, <c>Category</c> (utility or marketing), <c>BodyParameters</c>
/// (<c>{{name}}, {{product}}, {{price}}</c>), optional <c>HeaderImage</c> (<c>product</c>) and <c>ButtonUrlSuffix</c>.
/// Column names, category, language and variables are read forgivingly (any case, <c>fr-FR</c> for <c>fr_FR</c>,
/// <c>{{ Name }}</c> or <c>name</c> for <c>{{name}}</c>); a row with a missing name or language, a wrong category or
/// an unknown variable is left out with a problem: sending it would only earn Meta's refusal.
/// </summary>
internal static partial class TemplatesCompiler
{
    public static IReadOnlyDictionary<string, MessageTemplate> Compile(IReadOnlyList<TableRow> rows, List<RuleProblem> problems)
    {
        var templates = new Dictionary<string, MessageTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            var columns = new ColumnReader(row);
            var compiled = Compile(columns);
            if (compiled.Template is null)
            {
                problems.Add(columns.Problem(compiled.Problem + "; template skipped") with { Column = compiled.Column });
            }
            else if (!templates.TryAdd(compiled.Template.Purpose, compiled.Template))
            {
                problems.Add(columns.Problem("another row has the same purpose (RowKey, compared ignoring case); template skipped"));
            }
        }

        return templates;
    }

    private sealed record Compiled(MessageTemplate? Template, string? Problem = null, string? Column = null);

    private static Compiled Compile(ColumnReader columns)
    {
        var purpose = columns.Row.RowKey.Trim();
        if (purpose.Length == 0)
        {
            return new Compiled(null, "the RowKey (the purpose, e.g. back-in-stock) is empty");
        }

        // Meta's names are lower case, and its editor turns spaces into underscores as they are typed.
        var name = columns.Text("Name")?.ToLowerInvariant().Replace(' ', '_');
        if (name is null)
        {
            return new Compiled(null, "Name (Meta's template name) is empty", "Name");
        }

        if (!TemplateName().IsMatch(name))
        {
            return new Compiled(null, $"Name '{name}' is not a Meta template name (lower-case letters, digits and underscores)", "Name");
        }

        var language = Language(columns.Text("Language"));
        if (language.Code is null)
        {
            return new Compiled(null, language.Problem, "Language");
        }

        var categoryText = columns.Text("Category");
        TemplateCategory category;
        switch (categoryText?.ToUpperInvariant())
        {
            case "UTILITY":
                category = TemplateCategory.Utility;
                break;
            case "MARKETING":
                category = TemplateCategory.Marketing;
                break;
            default:
                return new Compiled(null, categoryText is null
                    ? "Category is empty; it must be utility or marketing (as approved by Meta)"
                    : $"Category '{categoryText}' is not utility or marketing", "Category");
        }

        var parameters = new List<TemplateVariable>();
        foreach (var item in (columns.Text("BodyParameters") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryVariable(item, out var variable, out var problem))
            {
                return new Compiled(null, $"BodyParameters: {problem}", "BodyParameters");
            }

            parameters.Add(variable);
        }

        var header = columns.Text("HeaderImage");
        if (header is not null && !header.Equals("product", StringComparison.OrdinalIgnoreCase))
        {
            return new Compiled(null, $"HeaderImage '{header}' is not 'product' (the product's image) or empty", "HeaderImage");
        }

        TemplateValue? suffix = null;
        if (columns.Text("ButtonUrlSuffix") is { } suffixText)
        {
            if (suffixText.Contains("{{", StringComparison.Ordinal) || suffixText.Contains("}}", StringComparison.Ordinal))
            {
                if (!TryVariable(suffixText, out var variable, out var problem))
                {
                    return new Compiled(null, $"ButtonUrlSuffix: {problem}", "ButtonUrlSuffix");
                }

                suffix = new TemplateValue(null, variable);
            }
            else
            {
                suffix = new TemplateValue(suffixText, null);
            }
        }

        return new Compiled(new MessageTemplate(purpose, name, language.Code, category, parameters)
        {
            HeaderImageIsProduct = header is not null,
            ButtonUrlSuffix = suffix,
            PartitionKey = columns.Row.PartitionKey,
        });
    }

    /// <summary>Meta's language code: <c>fr</c>, <c>en_US</c>; <c>EN-us</c> reads as <c>en_US</c>.</summary>
    private static (string? Code, string Problem) Language(string? text)
    {
        if (text is null)
        {
            return (null, "Language is empty; it must be the approved template's language code, e.g. fr or en_US");
        }

        var match = LanguageCode().Match(text);
        if (!match.Success)
        {
            return (null, $"Language '{text}' is not a language code such as fr or en_US");
        }

        var code = match.Groups["lang"].Value.ToLowerInvariant();
        return (match.Groups["region"].Success ? code + "_" + match.Groups["region"].Value.ToUpperInvariant() : code, string.Empty);
    }

    /// <summary><c>{{name}}</c>, <c>{{ Name }}</c>, <c>{name}</c> or <c>name</c>; <c>{{param.offer}}</c> for a caller's value.</summary>
    internal static bool TryVariable(string text, out TemplateVariable variable, out string problem)
    {
        variable = null!;
        var inner = text.Trim().TrimStart('{').TrimEnd('}').Trim();
        var match = VariableName().Match(inner);
        if (!match.Success)
        {
            problem = $"'{text}' is not a variable such as {{{{name}}}}";
            return false;
        }

        var key = match.Groups["key"].Value;
        if (match.Groups["param"].Success)
        {
            variable = new TemplateVariable(key);
            problem = string.Empty;
            return true;
        }

        var builtIn = TemplateVariable.BuiltIn.FirstOrDefault(b => b.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (builtIn is null)
        {
            problem = $"{{{{{key}}}}} is not a known variable; use {string.Join(", ", TemplateVariable.BuiltIn.Select(b => "{{" + b + "}}"))}, " +
                      $"or {{{{{TemplateVariable.ParameterPrefix}{key}}}}} for a value the sender supplies (a broadcast's parameters)";
            return false;
        }

        variable = new TemplateVariable(builtIn);
        problem = string.Empty;
        return true;
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"^(?<lang>[A-Za-z]{2,3})(?:[_-](?<region>[A-Za-z]{2}))?$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^(?<param>param\.)?(?<key>[A-Za-z][A-Za-z0-9_]{0,63})$", RegexOptions.IgnoreCase)]
    private static partial Regex VariableName();
}
