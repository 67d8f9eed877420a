namespace Frontdesk.Core.Webhooks;

/// <summary>What a signed body turned out to be.</summary>
public enum WebhookBodyKind
{
    /// <summary>JSON with <c>object: whatsapp_business_account</c>: store it.</summary>
    WhatsApp,

    /// <summary>Valid JSON for another product (Page, Instagram…): acknowledge, do not store.</summary>
    ForeignObject,

    /// <summary>Not a JSON object at all.</summary>
    NotJson,
}
