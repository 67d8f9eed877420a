namespace Frontdesk.Core.WhatsApp.Graph.Wire;

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

    public GraphTemplate? Template { get; init; }

    /// <summary>Echoed by Meta in this message's statuses (and echoes): how Frontdesk recognises its own sends.</summary>
    public string? BizOpaqueCallbackData { get; init; }
}

internal sealed record GraphContext(string MessageId);

internal sealed record GraphText(bool PreviewUrl, string Body);
