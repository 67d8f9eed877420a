namespace Frontdesk.Core.Telemetry;

/// <summary>
/// Every log event id in src/, in one place: each <c>[LoggerMessage]</c> takes its id from here (a test checks that
/// ids are unique and registered). Ranges: 1xxx webhook intake, 2xxx decisions and rule tables, 3xxx sending,
/// 4xxx operations (42xx the phone console), 5xxx catalogue, 6xxx HTTP surfaces, 7xxx business-initiated messages
/// (70xx templates and the 24-hour window, 71xx restock alerts, 72xx broadcasts), 9xxx DevHost. Events whose summary lists <c>Properties:</c> are charted by the
/// Azure Monitor workbook and alerts in infra/ (queries read <c>customDimensions</c> by these ids and names): change
/// them in both places or not at all.
/// </summary>
public static class TelemetryEvents
{
    /// <summary>A webhook body was verified and stored. Properties: <c>Bytes</c>, <c>Pieces</c>, <c>ElapsedMs</c>.</summary>
    public const int WebhookAccepted = 1000;

    /// <summary>A webhook was refused with 401: its signature did not check out.</summary>
    public const int WebhookSignatureRefused = 1001;

    /// <summary>A webhook was refused: the body is over Meta's size.</summary>
    public const int WebhookTooLarge = 1002;

    /// <summary>A signed webhook body was not JSON.</summary>
    public const int WebhookNotJson = 1003;

    /// <summary>A webhook for another object than WhatsApp was acknowledged and not stored.</summary>
    public const int WebhookForeignObject = 1004;

    /// <summary>A webhook was answered 503 because storage was unavailable (Meta retries).</summary>
    public const int WebhookStorageUnavailable = 1005;

    /// <summary>The verification handshake was refused.</summary>
    public const int HandshakeRefused = 1006;

    /// <summary>An inbound customer message was taken for a decision. Properties: <c>PhoneNumberId</c>, <c>MessageType</c>.</summary>
    public const int InboundMessage = 2000;

    /// <summary>An inbound message was handled before: the duplicate delivery was ignored.</summary>
    public const int InboundDuplicate = 2001;

    /// <summary>An inbound message gets no reply, and why: "not answered: contact opted out", "not answered: paused until …", "away message not repeated: cooldown until …".</summary>
    public const int InboundNotAnswered = 2003;

    /// <summary>A recorded decision whose delivery died was carried on from its cursor by a redelivery.</summary>
    public const int InboundRedispatched = 2002;

    /// <summary>An edited message was handled as its original (answered once, whichever arrives first).</summary>
    public const int EditHandled = 2004;

    /// <summary>A claim check pointed at a body an earlier duplicate already handled and deleted.</summary>
    public const int InboxClaimCheckGone = 2010;

    /// <summary>An echo (<c>smb_message_echoes</c>) was left out as malformed or for another number; the rest was handled.</summary>
    public const int EchoSkipped = 2011;

    /// <summary>A reply was decided and is being sent (straight from the inbox, or queued after a retryable failure). Properties: <c>PhoneNumberId</c>, <c>ReplyKind</c>, <c>RuleName</c>.</summary>
    public const int ReplyQueued = 2100;

    /// <summary>A rule table row was skipped; the message names table, keys and problem.</summary>
    public const int RuleProblem = 2200;

    /// <summary>A contact row was written by someone else first; the caller reads it again.</summary>
    public const int ContactConflict = 2210;

    /// <summary>An echo of the business's own message was classified (own send, app automation, #bot, a person).</summary>
    public const int EchoHandled = 2300;

    /// <summary>The storm breaker dropped replies and paused a contact.</summary>
    public const int StormBroken = 2310;

    /// <summary>A status said the customer stopped marketing messages (131050); the contact is marked.</summary>
    public const int MarketingOptOut = 2320;

    /// <summary>The Components table was sent to Meta's conversational_automation edge (or not, and why).</summary>
    public const int ComponentsPublished = 2400;

    /// <summary>A reply was accepted by the Graph API. Properties: <c>PhoneNumberId</c>, <c>ReplyKind</c>.</summary>
    public const int ReplySent = 3000;

    /// <summary>A read receipt (the blue ticks for an inbound message) was accepted by the Graph API; not a reply.</summary>
    public const int ReadReceiptSent = 3001;

    /// <summary>A send failed for a reason that may pass; a retry was scheduled.</summary>
    public const int SendRetryScheduled = 3010;

    /// <summary>A reply may have been sent (no answer); it was recorded Unknown and not resent.</summary>
    public const int SendMaybeSent = 3011;

    /// <summary>A reply was skipped because the send ledger already holds its key.</summary>
    public const int SendDuplicate = 3012;

    /// <summary>Without an access token, a reply was printed instead of sent ("printed, not sent: no access token").</summary>
    public const int ReplyPrinted = 3020;

    /// <summary>Without an access token, a read receipt was printed instead of sent.</summary>
    public const int ReadReceiptPrinted = 3022;

    /// <summary>Without an access token, a reply the Graph API would refuse was not printed.</summary>
    public const int ReplyRefusedLocally = 3021;

    /// <summary>A reply to a phone-console test contact was stored in ConsoleOutbox instead of going to Meta.</summary>
    public const int ConsoleReplyStored = 3030;

    /// <summary>A reply to a phone-console test contact was not stored: the Graph API would refuse it.</summary>
    public const int ConsoleReplyRefused = 3031;

    /// <summary>The Graph API answered a send (status, Meta code, fbtrace_id).</summary>
    public const int GraphAnswered = 3050;

    /// <summary>The Graph API gave no answer (timeout, connection error).</summary>
    public const int GraphNoAnswer = 3051;

    /// <summary>A reply was not sent: the customer wrote longer ago than <c>Outbound__MaxReplyAgeMinutes</c>.</summary>
    public const int ReplyExpired = 3300;

    /// <summary>A send failed for good, or a status webhook said failed. Properties: <c>MetaErrorCode</c>, <c>MetaErrorTitle</c>.</summary>
    public const int SendFailed = 3100;

    /// <summary>A message status older than the recorded one was ignored.</summary>
    public const int StatusStale = 3110;

    /// <summary>A redelivery carrying on a dead delivery's decision found a reply being sent: recorded maybe sent, not sent again.</summary>
    public const int ReplyMaybeSentByDeadDelivery = 3200;

    /// <summary>A delivery sending a reply chain found the message taken over by another (its lease ran out) and stopped.</summary>
    public const int InboundTakenOver = 3201;

    /// <summary>A maybe-sent reply was settled by Meta's status webhook carrying its key: not sent again.</summary>
    public const int UnknownSettledByStatus = 3210;

    /// <summary>A maybe-sent reply got no status within Outbound__UnknownGraceSeconds: sent again, once.</summary>
    public const int UnknownResent = 3211;

    /// <summary>A maybe-sent reply's grace check found the ledger settled meanwhile (sent, failed or resent by another).</summary>
    public const int UnknownNotResent = 3212;

    /// <summary>A maybe-sent reply's grace check found no status while the inbox was behind: it waits as long again.</summary>
    public const int UnknownCheckPostponed = 3213;

    /// <summary>A queue's approximate depth, sampled by a timer. Properties: <c>Queue</c>, <c>Depth</c>.</summary>
    public const int QueueDepth = 4000;

    /// <summary>Old handled-message rows were purged.</summary>
    public const int HandledMessagesPurged = 4100;

    /// <summary>The phone console placed a test contact's message on webhook-inbox.</summary>
    public const int ConsoleMessagePlaced = 4200;

    /// <summary>The phone console refused to speak for a wa_id that is not a test contact.</summary>
    public const int ConsoleContactRefused = 4201;

    /// <summary>The phone console could not place a message: storage unavailable.</summary>
    public const int ConsoleStorageUnavailable = 4202;

    /// <summary>A catalogue CSV was imported.</summary>
    public const int CatalogueImported = 5000;

    /// <summary>A catalogue partition was loaded into the search index.</summary>
    public const int CatalogueLoaded = 5001;

    /// <summary>A catalogue partition could not be refreshed; the cached index stays in use.</summary>
    public const int CatalogueRefreshFailed = 5002;

    /// <summary>A cached catalogue was dropped to stay under <c>Catalogue__MaxIndexMegabytes</c>. Properties: <c>PartitionKey</c>, <c>Megabytes</c>, <c>CachedMegabytes</c>, <c>MaxMegabytes</c>.</summary>
    public const int CatalogueEvicted = 5003;

    /// <summary>An evicted catalogue was loaded again for a message. Properties: <c>PartitionKey</c>, <c>Products</c>, <c>ElapsedMs</c>.</summary>
    public const int CatalogueRebuilt = 5004;

    /// <summary>The catalogue import endpoint answered.</summary>
    public const int CatalogueImportAnswered = 5010;

    /// <summary>A business-initiated message was accepted by the Graph API, free-form inside the window or as its template. Properties: <c>PhoneNumberId</c>, <c>Purpose</c>, <c>SentAs</c>.</summary>
    public const int OutreachSent = 7000;

    /// <summary>A business-initiated message was not sent, and why (opted out, stopped marketing, a template it cannot fill). Properties: <c>PhoneNumberId</c>, <c>Purpose</c>, <c>Outcome</c>.</summary>
    public const int OutreachNotSent = 7001;

    /// <summary>Outside the window with no usable Templates row for the purpose: not sent, recorded once. Properties: <c>PhoneNumberId</c>, <c>Purpose</c>.</summary>
    public const int OutreachNeedsTemplate = 7002;

    /// <summary>A business-initiated message was refused for good by Meta, or given up on after its retries.</summary>
    public const int OutreachFailed = 7003;

    /// <summary>A business-initiated message was throttled or failed transiently; queued again with a delay.</summary>
    public const int OutreachRetryScheduled = 7004;

    /// <summary>A business-initiated message may have been sent (its answer was lost); recorded Unknown, not resent.</summary>
    public const int OutreachMaybeSent = 7005;

    /// <summary>A duplicate delivery of a business-initiated message found its key settled; nothing sent.</summary>
    public const int OutreachDuplicate = 7006;

    /// <summary>Messages were queued on <c>outreach-messages</c>, paced for their number.</summary>
    public const int OutreachQueued = 7010;
    // 71xx: "back in stock" alerts (docs/catalogue.md#back-in-stock-alerts).

    /// <summary>A customer pressed "Notify me": subscribed, already subscribed (kept), or renewed.</summary>
    public const int RestockSubscribed = 7100;

    /// <summary>Products back in stock with live subscribers were found and queued on <c>restock-alerts</c>. Properties: <c>Source</c>, <c>Products</c>.</summary>
    public const int RestockDetected = 7101;

    /// <summary>One page of a product's subscribers was queued for alerts and closed. Properties: <c>PhoneNumberId</c>, <c>Sku</c>, <c>Alerts</c>, <c>Expired</c>.</summary>
    public const int RestockAlertsQueued = 7102;

    /// <summary>A restock alert was not fanned out, and why (the product is gone, or out of stock again).</summary>
    public const int RestockAlertDropped = 7103;

    /// <summary>A Subscriptions row could not be read (edited by hand): skipped, naming the row.</summary>
    public const int SubscriptionRowSkipped = 7104;

    /// <summary>An import could not queue its restock alerts; the minute watch will find the products instead.</summary>
    public const int RestockImportAlertsFailed = 7105;

    /// <summary>The minute watch could not read a subscribed product; it is tried again at the next run.</summary>
    public const int RestockWatchLookupFailed = 7106;

    /// <summary>The templates sync compared the Templates rows with Meta's approved templates (or could not read them, and why).</summary>
    public const int TemplatesSynced = 7020;

    /// <summary>DevHost: an HTTP function's route was mapped.</summary>
    public const int DevHostRouteMapped = 9001;

    /// <summary>DevHost: a function is disabled by <c>AzureWebJobs.&lt;Name&gt;.Disabled</c>.</summary>
    public const int DevHostFunctionDisabled = 9002;

    /// <summary>DevHost: the demo bakery (rules and catalogue) was written into a completely empty setup.</summary>
    public const int DevHostDemoSeeded = 9003;

    /// <summary>DevHost: the demo bakery was not written, and why (the setup holds rows, or <c>DevHost__SeedDemo</c> is false).</summary>
    public const int DevHostDemoNotSeeded = 9004;


    /// <summary>DevHost: a queue trigger started listening.</summary>
    public const int DevHostQueueListening = 9101;

    /// <summary>DevHost: a queue message failed one attempt.</summary>
    public const int DevHostQueueMessageFailed = 9102;

    /// <summary>DevHost: a queue message was moved to its poison queue.</summary>
    public const int DevHostQueueMessagePoisoned = 9103;

    /// <summary>DevHost: polling a queue failed; it tries again.</summary>
    public const int DevHostQueuePollFailed = 9104;

    /// <summary>DevHost: a timer trigger was scheduled.</summary>
    public const int DevHostTimerScheduled = 9201;

    /// <summary>DevHost: a timer run failed.</summary>
    public const int DevHostTimerFailed = 9202;

    /// <summary>DevHost: Azurite was already listening and is used as is.</summary>
    public const int DevHostAzuriteReused = 9301;

    /// <summary>DevHost: Azurite was started.</summary>
    public const int DevHostAzuriteStarted = 9302;

    /// <summary>DevHost: Azurite was stopped.</summary>
    public const int DevHostAzuriteStopped = 9303;

    /// <summary>A message or status in a signed webhook was skipped: one of its ids is malformed (the value is never logged).</summary>
    public const int WebhookItemSkipped = 2020;

    /// <summary>An HTTP function threw; the caller got a 500 ProblemDetails that says nothing of the cause.</summary>
    public const int HttpFailed = 6000;

    /// <summary>A broadcast was created (or found, for a repeated id). Properties: <c>BroadcastId</c>, <c>PhoneNumberId</c>, <c>Planned</c>, <c>Skipped</c>.</summary>
    public const int BroadcastStarted = 7200;

    /// <summary>A page of a broadcast's recipients was queued for sending (and the rest deferred by the daily cap). Properties: <c>BroadcastId</c>, <c>PhoneNumberId</c>, <c>Queued</c>, <c>Deferred</c>.</summary>
    public const int BroadcastPageQueued = 7201;

    /// <summary>A broadcast's fan-out stopped or waited, and why (paused, cancelled, done, scheduled, backing off, a new window).</summary>
    public const int BroadcastFanoutWaited = 7202;

    /// <summary>A broadcast was paused, resumed or cancelled by an operator.</summary>
    public const int BroadcastControlled = 7203;

    /// <summary>A queued broadcast message was not sent: its broadcast is paused or cancelled.</summary>
    public const int BroadcastMessageHeld = 7204;

    /// <summary>A broadcast recipient settled. Properties: <c>BroadcastId</c>, <c>Outcome</c>.</summary>
    public const int BroadcastRecipientSettled = 7205;

    /// <summary>A status webhook moved a broadcast's delivered, read or failed count. Properties: <c>BroadcastId</c>, <c>Status</c>.</summary>
    public const int BroadcastStatusCounted = 7206;

    /// <summary>Meta throttled a broadcast (131056 or 130429): its pace was lowered or it backs off.</summary>
    public const int BroadcastThrottled = 7207;

    /// <summary>A quality or tier drop (<c>phone_number_quality_update</c>) paused a running marketing broadcast.</summary>
    public const int BroadcastPausedByQuality = 7208;

    /// <summary>A <c>phone_number_quality_update</c> webhook was read (and whether it paused anything).</summary>
    public const int QualityUpdateReceived = 7209;

    /// <summary>A broadcast finished: every recipient settled. Properties: <c>BroadcastId</c>, <c>Sent</c>, <c>Failed</c>, <c>Skipped</c>.</summary>
    public const int BroadcastDone = 7210;
}
