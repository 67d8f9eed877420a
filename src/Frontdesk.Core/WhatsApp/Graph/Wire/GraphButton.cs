namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphButton(string Type, GraphReply Reply);
