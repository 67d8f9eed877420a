namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphReply(string Id, string Title);
