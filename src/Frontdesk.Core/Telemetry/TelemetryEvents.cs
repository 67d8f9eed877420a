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

    /// <summary>A reply was queued. Properties: <c>PhoneNumberId</c>, <c>ReplyKind</c>, <c>RuleName</c>.</summary>
    public const int ReplyQueued = 2100;

    /// <summary>A reply was accepted by the Graph API. Properties: <c>PhoneNumberId</c>, <c>ReplyKind</c>.</summary>
    public const int ReplySent = 3000;

    /// <summary>A send failed for good, or a status webhook said failed. Properties: <c>MetaErrorCode</c>, <c>MetaErrorTitle</c>.</summary>
    public const int SendFailed = 3100;

    /// <summary>A queue's approximate depth, sampled by a timer. Properties: <c>Queue</c>, <c>Depth</c>.</summary>
    public const int QueueDepth = 4000;

    /// <summary>
    /// A message or status in a signed webhook was skipped because one of its ids is malformed (its value is never
    /// logged). Properties: <c>Item</c>, <c>Field</c>, <c>Length</c>.
    /// </summary>
    public const int WebhookItemSkipped = 2020;

    /// <summary>An HTTP function threw; the caller got a 500 ProblemDetails without details. Properties: <c>Function</c>.</summary>
    public const int HttpFailed = 9003;
}
