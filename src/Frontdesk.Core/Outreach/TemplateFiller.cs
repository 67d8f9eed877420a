using System.Diagnostics.CodeAnalysis;
using System.Text;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Outreach;

/// <summary>
/// Fills a <see cref="MessageTemplate"/> for one message: each variable from the message's
/// <see cref="OutreachMessage.Variables"/>, <c>{{name}}</c> from the contact's profile name when the message has none,
/// the header from <see cref="OutreachMessage.HeaderImageLink"/>. A value Meta would refuse (a new line, a tab) is
/// flattened to spaces; a missing value is a problem, never an empty parameter.
/// </summary>
public static class TemplateFiller
{
    public static bool TryFill(
        MessageTemplate template,
        OutreachMessage message,
        ContactState? contact,
        [NotNullWhen(true)] out TemplateBody? body,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(message);
        body = null;
        var parameters = new List<string>(template.BodyParameters.Count);
        foreach (var variable in template.BodyParameters)
        {
            if (Value(variable, message, contact) is not { } value)
            {
                problem = Missing(template, variable);
                return false;
            }

            parameters.Add(value);
        }

        string? header = null;
        if (template.HeaderImageIsProduct)
        {
            header = message.HeaderImageLink;
            if (string.IsNullOrWhiteSpace(header))
            {
                problem = $"template '{template.Name}' ({template.Purpose}) has an image header (HeaderImage product) and the message has no product image link";
                return false;
            }
        }

        string? suffix = null;
        if (template.ButtonUrlSuffix is { } button)
        {
            suffix = button.Literal ?? (button.Variable is { } v ? Value(v, message, contact) : null);
            if (suffix is null)
            {
                problem = Missing(template, button.Variable!);
                return false;
            }
        }

        body = new TemplateBody(template.Name, template.Language, parameters, header, suffix);
        problem = null;
        return true;
    }

    private static string Missing(MessageTemplate template, TemplateVariable variable) =>
        $"template '{template.Name}' ({template.Purpose}) needs {variable} and the message has no value for it";

    private static string? Value(TemplateVariable variable, OutreachMessage message, ContactState? contact)
    {
        var value = Lookup(message.Variables, variable.Key);
        if (string.IsNullOrWhiteSpace(value) && variable.Key == TemplateVariable.Name)
        {
            value = contact?.Name;
        }

        return string.IsNullOrWhiteSpace(value) ? null : Flatten(value);
    }

    private static string? Lookup(IReadOnlyDictionary<string, string> variables, string key)
    {
        if (variables.TryGetValue(key, out var value))
        {
            return value;
        }

        foreach (var (name, v) in variables)
        {
            if (name.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Meta refuses template parameters with new lines, tabs or more than four spaces in a row (132018).</summary>
    private static string Flatten(string value)
    {
        var text = new StringBuilder(value.Length);
        var spaces = 0;
        foreach (var c in value.Trim())
        {
            var ch = char.IsWhiteSpace(c) ? ' ' : c;
            spaces = ch == ' ' ? spaces + 1 : 0;
            if (spaces <= 1)
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }
}
