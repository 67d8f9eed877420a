namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphAction
{
    public string? Button { get; init; }

    public IReadOnlyList<GraphButton>? Buttons { get; init; }

    public string? CatalogId { get; init; }

    public string? ProductRetailerId { get; init; }

    public IReadOnlyList<GraphSection>? Sections { get; init; }
}
