using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Graph;

namespace Frontdesk.Core.Outreach;

/// <summary>
/// One Templates row compared with what Meta has: <see cref="State"/> is <c>ok</c>, <c>missing</c> (no template of
/// that name and language), <c>not-approved</c> (Meta's status is not APPROVED) or <c>mismatched</c> (parameters,
/// header, button or category differ); <see cref="Problems"/> says what to fix. Nothing is guessed or changed.
/// </summary>
public sealed record TemplateCheck(
    string Purpose,
    string PartitionKey,
    string Name,
    string Language,
    string Category,
    string State,
    string? MetaStatus,
    string? MetaCategory,
    int RowBodyParameters,
    int? MetaBodyParameters,
    IReadOnlyList<string> Problems)
{
    public const string Ok = "ok";
    public const string Missing = "missing";
    public const string NotApproved = "not-approved";
    public const string Mismatched = "mismatched";

    /// <summary>Each row against Meta's list, by name and language (Meta's names and codes are exact).</summary>
    public static IReadOnlyList<TemplateCheck> Compare(IEnumerable<MessageTemplate> rows, IReadOnlyList<MetaTemplate> meta)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(meta);
        return [.. rows.OrderBy(r => r.Purpose, StringComparer.OrdinalIgnoreCase).Select(row => Compare(row, meta))];
    }

    private static TemplateCheck Compare(MessageTemplate row, IReadOnlyList<MetaTemplate> meta)
    {
        var category = row.Category.ToString().ToLowerInvariant();
        TemplateCheck Result(string state, MetaTemplate? found, params string[] problems) => new(
            row.Purpose, row.PartitionKey, row.Name, row.Language, category, state, found?.Status, found?.Category, row.BodyParameters.Count, found?.BodyParameters, problems);

        var sameName = meta.Where(m => m.Name == row.Name).ToList();
        var found = sameName.FirstOrDefault(m => m.Language == row.Language);
        if (found is null)
        {
            return Result(Missing, null, sameName.Count == 0
                ? $"Meta has no template named '{row.Name}' in this WhatsApp Business Account"
                : $"Meta has '{row.Name}' in {string.Join(", ", sameName.Select(m => m.Language).Order(StringComparer.Ordinal))}, not in '{row.Language}'");
        }

        if (!found.IsApproved)
        {
            return Result(NotApproved, found, $"Meta's status for '{row.Name}' ({row.Language}) is {found.Status}: only APPROVED templates are delivered");
        }

        var problems = new List<string>();
        if (found.BodyParameters != row.BodyParameters.Count)
        {
            problems.Add($"Meta's body expects {found.BodyParameters} parameter(s); BodyParameters lists {row.BodyParameters.Count} (Meta would refuse the send with 132000)");
        }

        if (found.ImageHeader != row.HeaderImageIsProduct)
        {
            problems.Add(found.ImageHeader
                ? "Meta's template has an image header; set HeaderImage to product"
                : "HeaderImage is set, and Meta's template has no image header; clear HeaderImage");
        }

        if (found.UrlButtonSuffix != (row.ButtonUrlSuffix is not null))
        {
            problems.Add(found.UrlButtonSuffix
                ? "Meta's template has a URL button with a variable; set ButtonUrlSuffix"
                : "ButtonUrlSuffix is set, and Meta's template has no URL button with a variable; clear ButtonUrlSuffix");
        }

        if (!found.Category.Equals(category, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Category is {category}; Meta approved it as {found.Category.ToLowerInvariant()} (opt-outs are honoured by the row's category)");
        }

        return problems.Count == 0 ? Result(Ok, found) : Result(Mismatched, found, [.. problems]);
    }
}
