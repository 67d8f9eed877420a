namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphTextObject(string Text);
