namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphText(bool PreviewUrl, string Body);
