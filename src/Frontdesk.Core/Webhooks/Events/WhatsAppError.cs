namespace Frontdesk.Core.Webhooks.Events;

/// <summary>An error object as Meta sends it in webhooks and Graph responses.</summary>
public sealed record WhatsAppError(int Code, string? Title, string? Message, string? Details);
