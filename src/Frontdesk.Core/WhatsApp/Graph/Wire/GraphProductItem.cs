namespace Frontdesk.Core.WhatsApp.Graph;

internal sealed record GraphProductItem(string ProductRetailerId);
