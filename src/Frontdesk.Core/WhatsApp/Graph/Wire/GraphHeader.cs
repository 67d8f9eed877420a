namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphHeader(string Type, string Text);
