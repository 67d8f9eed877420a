namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphSentMessage(string? Id);
