namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// One template of the WhatsApp Business Account as the Graph API lists it, reduced to what a send must match: how
/// many body parameters it expects, whether its header is an image and whether a URL button takes a suffix.
/// </summary>
public sealed record MetaTemplate(string Name, string Language, string Status, string Category, int BodyParameters, bool ImageHeader, bool UrlButtonSuffix)
{
    public bool IsApproved => Status.Equals("APPROVED", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What <c>GET /{waba-id}/message_templates</c> gave: the templates, or why there are none.</summary>
public sealed record MetaTemplateList(bool Read, IReadOnlyList<MetaTemplate> Templates, int? MetaStatus, string? MetaAnswer, string? Reason)
{
    /// <summary>Nothing was asked of Meta (no access token: a local run); not a failure of Meta's.</summary>
    public bool Skipped { get; init; }
}
