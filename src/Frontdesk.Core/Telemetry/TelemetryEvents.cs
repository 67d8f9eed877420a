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

    /// <summary>A cached catalogue was dropped to stay under <c>Catalogue__MaxIndexMegabytes</c>. Properties: <c>PartitionKey</c>, <c>Megabytes</c>, <c>CachedMegabytes</c>, <c>MaxMegabytes</c>.</summary>
    public const int CatalogueEvicted = 5003;

    /// <summary>An evicted catalogue was loaded again for a message. Properties: <c>PartitionKey</c>, <c>Products</c>, <c>ElapsedMs</c>.</summary>
    public const int CatalogueRebuilt = 5004;
}
