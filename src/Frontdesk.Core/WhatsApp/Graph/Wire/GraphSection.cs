namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphSection
{
    public string? Title { get; init; }

    public IReadOnlyList<GraphRow>? Rows { get; init; }

    public IReadOnlyList<GraphProductItem>? ProductItems { get; init; }
}
