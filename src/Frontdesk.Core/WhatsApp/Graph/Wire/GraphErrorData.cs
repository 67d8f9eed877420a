namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphErrorData(string? Details);
