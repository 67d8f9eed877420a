namespace Frontdesk.Core.WhatsApp.Graph.Wire;

/// <summary>A page of <c>GET /{waba-id}/message_templates</c>: <c>data[]</c>, then <c>paging.cursors.after</c> while <c>paging.next</c> is set.</summary>
internal sealed record GraphTemplateList
{
    public IReadOnlyList<GraphTemplateInfo>? Data { get; init; }

    public GraphPaging? Paging { get; init; }
}

internal sealed record GraphPaging(GraphCursors? Cursors, string? Next);

internal sealed record GraphCursors(string? Before, string? After);

/// <summary>One template as Meta has it: name, language, status (APPROVED, PENDING, REJECTED, PAUSED, DISABLED), category, components.</summary>
internal sealed record GraphTemplateInfo
{
    public string? Name { get; init; }

    public string? Language { get; init; }

    public string? Status { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<GraphTemplateInfoComponent>? Components { get; init; }
}

/// <summary>HEADER (with its <c>format</c>), BODY (its <c>text</c> holds the {{n}} placeholders), FOOTER or BUTTONS.</summary>
internal sealed record GraphTemplateInfoComponent
{
    public string? Type { get; init; }

    public string? Format { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<GraphTemplateInfoButton>? Buttons { get; init; }
}

internal sealed record GraphTemplateInfoButton(string? Type, string? Url);
