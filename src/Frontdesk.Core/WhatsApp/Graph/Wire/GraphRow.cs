namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphRow(string Id, string Title, string? Description);
