namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphContext(string MessageId);
