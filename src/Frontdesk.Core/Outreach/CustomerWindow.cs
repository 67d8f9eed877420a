using Frontdesk.Core.Conversations;
using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Outreach;

/// <summary>
/// Meta's customer-service window for one customer: open for <see cref="WhatsAppLimits.ServiceWindow"/> after their
/// last message (<c>Contacts.LastInbound</c>). Inside it any message may be sent; outside it only a template.
/// </summary>
public readonly record struct CustomerWindow(DateTimeOffset? ClosesAt, bool IsOpen)
{
    public static CustomerWindow Of(ContactState? contact, DateTimeOffset now)
    {
        var closes = contact?.LastInbound + WhatsAppLimits.ServiceWindow;
        return new CustomerWindow(closes, closes is { } c && now < c);
    }
}
