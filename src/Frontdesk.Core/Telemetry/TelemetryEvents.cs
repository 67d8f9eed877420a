namespace Frontdesk.Core.Telemetry;

/// <summary>
/// The log events operators chart in the Azure Monitor workbook. Their ids and names are a contract with
/// infra/ (workbook queries read <c>customDimensions</c> by these names): change them in both places or not at all.
/// </summary>
public static class TelemetryEvents
{
    /// <summary>A webhook body was verified and stored. Properties: <c>Bytes</c>, <c>Pieces</c>, <c>ElapsedMs</c>.</summary>
    public const int WebhookAccepted = 1000;

    /// <summary>An inbound customer message was taken for a decision. Properties: <c>PhoneNumberId</c>, <c>MessageType</c>.</summary>
    public const int InboundMessage = 2000;

    /// <summary>An edited message was handled as its original (answered once, whichever arrives first). Properties: <c>EditId</c>, <c>OriginalId</c>.</summary>
    public const int EditHandled = 2003;

    /// <summary>Part of a webhook body was left out as unusable. Properties: <c>PhoneNumberId</c>, <c>ItemId</c>, <c>Reason</c>.</summary>
    public const int WebhookItemSkipped = 2011;

    /// <summary>A reply was queued. Properties: <c>PhoneNumberId</c>, <c>ReplyKind</c>, <c>RuleName</c>.</summary>
    public const int ReplyQueued = 2100;

    /// <summary>An echo of the business's own message was classified. Properties: <c>PhoneNumberId</c>, <c>EchoId</c>, <c>EchoKind</c>, <c>Outcome</c>.</summary>
    public const int EchoHandled = 2300;

    /// <summary>The storm breaker paused a contact. Properties: <c>PhoneNumberId</c>, <c>MessageId</c>, <c>Detail</c>.</summary>
    public const int StormBroken = 2310;

    /// <summary>A status said the customer stopped marketing messages (131050). Properties: <c>PhoneNumberId</c>, <c>WamId</c>.</summary>
    public const int MarketingOptOut = 2320;

    /// <summary>A reply was accepted by the Graph API. Properties: <c>PhoneNumberId</c>, <c>ReplyKind</c>.</summary>
    public const int ReplySent = 3000;

    /// <summary>A send failed for good, or a status webhook said failed. Properties: <c>MetaErrorCode</c>, <c>MetaErrorTitle</c>.</summary>
    public const int SendFailed = 3100;

    /// <summary>Conversational components were sent to Meta. Properties: <c>PhoneNumberId</c>, <c>HttpStatus</c>.</summary>
    public const int ComponentsPublished = 5020;

    /// <summary>A queue's approximate depth, sampled by a timer. Properties: <c>Queue</c>, <c>Depth</c>.</summary>
    public const int QueueDepth = 4000;
}
