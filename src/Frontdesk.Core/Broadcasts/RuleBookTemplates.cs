using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// A broadcast's template from the Templates rows the rule book compiled (the number's own, else <c>default</c>), read
/// fresh so a row just added in the portal counts: whether it is marketing, and the <c>{{param.x}}</c> it needs.
/// </summary>
public sealed class RuleBookTemplates(IRuleSource rules) : IBroadcastTemplates
{
    public async Task<BroadcastTemplate?> FindAsync(string phoneNumberId, string purpose, CancellationToken cancellationToken = default)
    {
        var book = await rules.ReadRuleBookAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        if (!book.Templates.TryGetValue(purpose, out var template))
        {
            return null;
        }

        var variables = template.BodyParameters.Append(template.ButtonUrlSuffix?.Variable).OfType<TemplateVariable>();
        return new BroadcastTemplate(
            template.Purpose,
            template.Category == TemplateCategory.Marketing,
            [.. variables.Select(v => v.Key).Where(k => !TemplateVariable.BuiltIn.Contains(k)).Distinct(StringComparer.Ordinal)]);
    }
}
