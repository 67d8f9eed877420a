using Frontdesk.Core;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Functions.Admin;
using Frontdesk.Functions.Http;
using Frontdesk.Storage.PhoneConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// <c>POST /api/manage/console/send</c>: a test contact's message, placed on <c>webhook-inbox</c> as the body a
/// verified webhook would store, so rules, ledger, contact, catalogue and the outbound path all run for real.
/// </summary>
public sealed partial class ConsoleSendFunction(
    IWebhookInbox inbox,
    ConsoleOutboxStore outbox,
    IOptions<PhoneConsoleOptions> options,
    TimeProvider time,
    ILogger<ConsoleSendFunction> logger)
{
    private const int MaxNameLength = 100;

    [Function("ConsoleSend")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "manage/console/send")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConsoleAssets.Secure(request.HttpContext.Response);
        var (body, invalid) = await JsonBody.ReadAsync(request, ConsoleApiJsonContext.Default.ConsoleSendRequest, "waId, name and one of text, reply or order", cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return invalid!;
        }

        var prefix = options.Value.TestNumberPrefix;
        if (!TestContacts.IsTestContact(body.WaId, prefix))
        {
            Log.RefusedContact(logger, prefix);
            return ConsoleProblems.NotATestContact(body.WaId, prefix);
        }

        if (Problem(body) is { } problem)
        {
            return Problems.BadRequest(problem.Detail, problem.Parameter);
        }

        var phoneNumberId = string.IsNullOrWhiteSpace(body.PhoneNumberId) ? options.Value.PhoneNumberId : body.PhoneNumberId.Trim();
        var name = string.IsNullOrWhiteSpace(body.Name) ? "Test customer" : body.Name.Trim();
        var message = body switch
        {
            { Reply: { } reply } => new ConsoleMessage(ConsoleMessage.ReplyType, reply.Title, Reply: reply),
            { Order: { } order } => new ConsoleMessage(ConsoleMessage.OrderType, order.Text, Order: order),
            _ => new ConsoleMessage(ConsoleMessage.TextType, body.Text),
        };
        var id = "wamid.CONSOLE_" + Guid.NewGuid().ToString("N");
        var at = time.GetUtcNow();
        try
        {
            await outbox.RecordInboundAsync(phoneNumberId, body.WaId!, id, at, message, cancellationToken).ConfigureAwait(false);
            await inbox.StoreAsync(ConsoleWebhook.Build(phoneNumberId, body.WaId!, name, id, at, message), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException e)
        {
            Log.StorageUnavailable(logger, e);
            return ConsoleProblems.StorageUnavailable();
        }

        Log.Placed(logger, message.Type, id, phoneNumberId);
        return AdminResults.Json(new ConsoleSendResponse(id, at), ConsoleApiJsonContext.Readable.ConsoleSendResponse);
    }

    private static (string Detail, string Parameter)? Problem(ConsoleSendRequest body)
    {
        var given = (string.IsNullOrEmpty(body.Text) ? 0 : 1) + (body.Reply is null ? 0 : 1) + (body.Order is null ? 0 : 1);
        if (given != 1)
        {
            return ("Give exactly one of text (what the customer types), reply (a tapped button or list row: kind, id, title) or order (items).", "text");
        }

        if (body.PhoneNumberId is { Length: > 0 } number && !PhoneNumberId.TryParse(number.Trim(), out _))
        {
            return ($"phoneNumberId '{Problems.Quote(number)}' is not {PhoneNumberId.Format}.", "phoneNumberId");
        }

        if (body.Name is { Length: > MaxNameLength })
        {
            return ($"name is at most {MaxNameLength} characters.", "name");
        }

        if (body.Text is { Length: > WhatsAppLimits.TextBody })
        {
            return ($"text is at most {WhatsAppLimits.TextBody} characters, as on WhatsApp.", "text");
        }

        if (body.Reply is { } reply && (reply.Kind is not (ConsoleReply.Button or ConsoleReply.List) || string.IsNullOrWhiteSpace(reply.Id) || string.IsNullOrWhiteSpace(reply.Title)))
        {
            return ("reply needs kind (button or list), id and title.", "reply");
        }

        if (body.Reply is { } tapped && tapped.Id.Length > (tapped.Kind == ConsoleReply.Button ? WhatsAppLimits.ButtonId : WhatsAppLimits.RowId))
        {
            // WhatsApp never delivers a longer id, so the console must not either: the rules would be tested on input no customer can send.
            return ($"reply id is at most {WhatsAppLimits.ButtonId} characters for a button and {WhatsAppLimits.RowId} for a list row, as on WhatsApp.", "reply");
        }

        if (body.Order is { } order && (order.Items is not { Count: > 0 } || order.Items.Any(i => string.IsNullOrWhiteSpace(i.ProductRetailerId) || i.Quantity < 1 || string.IsNullOrWhiteSpace(i.Currency))))
        {
            return ("order needs items, each with productRetailerId, a quantity of at least 1, itemPrice and currency.", "order");
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ConsoleMessagePlaced, LogLevel.Information, "Console: test contact's {MessageType} message {MessageId} placed on webhook-inbox for {PhoneNumberId}")]
        public static partial void Placed(ILogger logger, string messageType, string messageId, string phoneNumberId);

        [LoggerMessage(TelemetryEvents.ConsoleContactRefused, LogLevel.Warning, "Console: refused a message for a wa_id that is not a test contact (prefix {Prefix}); nothing placed on the inbox")]
        public static partial void RefusedContact(ILogger logger, string prefix);

        [LoggerMessage(TelemetryEvents.ConsoleStorageUnavailable, LogLevel.Error, "Console: message not placed, storage unavailable")]
        public static partial void StorageUnavailable(ILogger logger, Exception exception);
    }
}
