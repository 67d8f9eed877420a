namespace Frontdesk.Core.WhatsApp.Graph.Wire;

internal sealed record GraphInteractive
{
    public required string Type { get; init; }

    public GraphHeader? Header { get; init; }

    public GraphTextObject? Body { get; init; }

    public GraphTextObject? Footer { get; init; }

    public required GraphAction Action { get; init; }
}

internal sealed record GraphHeader(string Type, string Text);

internal sealed record GraphTextObject(string Text);

internal sealed record GraphAction
{
    public string? Button { get; init; }

    public IReadOnlyList<GraphButton>? Buttons { get; init; }

    public string? CatalogId { get; init; }

    public string? ProductRetailerId { get; init; }

    public IReadOnlyList<GraphSection>? Sections { get; init; }
}

internal sealed record GraphButton(string Type, GraphReply Reply);

internal sealed record GraphReply(string Id, string Title);

internal sealed record GraphSection
{
    public string? Title { get; init; }

    public IReadOnlyList<GraphRow>? Rows { get; init; }

    public IReadOnlyList<GraphProductItem>? ProductItems { get; init; }
}

internal sealed record GraphRow(string Id, string Title, string? Description);

internal sealed record GraphProductItem(string ProductRetailerId);
