namespace Frontdesk.Core.WhatsApp.Graph;

// The Graph API's request and response bodies, property for property (snake_case through GraphJsonContext).
// Kept together like OutboundBody's leaves: they only mean something as one wire format.

/// <summary>A send: <c>POST /{phone_number_id}/messages</c> with <c>to</c> and one object named after <c>type</c>.</summary>
internal sealed record GraphMessageRequest
{
    public string MessagingProduct { get; init; } = "whatsapp";

    public string RecipientType { get; init; } = "individual";

    public required string To { get; init; }

    public required string Type { get; init; }

    public GraphContext? Context { get; init; }

    public GraphText? Text { get; init; }

    public GraphInteractive? Interactive { get; init; }
}

/// <summary>Mark-as-read: the same endpoint, a different body and a <c>{"success":true}</c> answer.</summary>
internal sealed record GraphMarkReadRequest
{
    public string MessagingProduct { get; init; } = "whatsapp";

    public string Status { get; init; } = "read";

    public required string MessageId { get; init; }
}

internal sealed record GraphContext(string MessageId);

internal sealed record GraphText(bool PreviewUrl, string Body);

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

/// <summary>A 2xx answer: <c>messages[0].id</c> for a send, <c>success</c> for mark-as-read.</summary>
internal sealed record GraphSendResponse
{
    public IReadOnlyList<GraphSentMessage>? Messages { get; init; }

    public bool? Success { get; init; }
}

internal sealed record GraphSentMessage(string? Id);

/// <summary>Meta's error envelope: <c>{"error":{"code":…,"message":…,"error_data":{"details":…},"fbtrace_id":…}}</c>.</summary>
internal sealed record GraphErrorResponse(GraphErrorBody? Error);

internal sealed record GraphErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public string? Type { get; init; }

    public GraphErrorData? ErrorData { get; init; }

    public string? FbtraceId { get; init; }
}

internal sealed record GraphErrorData(string? Details);
