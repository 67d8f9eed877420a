using System.Globalization;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Functions.Admin;
using Frontdesk.Functions.Http;
using Frontdesk.Storage.Conversations;
using Frontdesk.Storage.PhoneConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// <c>GET /api/manage/console/conversation?waId=…[&amp;phoneNumberId=…]</c>: a test contact's chat as the page draws
/// it (products from the Catalogue table, prices in the business's culture), each customer message with the steps
/// that decided it, the contact's state and the rule tables' problems. Reads only; test contacts only.
/// </summary>
public sealed class ConsoleConversationFunction(
    ConsoleOutboxStore outbox,
    HandledMessageLedger ledger,
    IContactStore contacts,
    IRuleSource rules,
    ICatalogueIndexProvider catalogue,
    IOptions<PhoneConsoleOptions> options,
    TimeProvider time)
{
    [Function("ConsoleConversation")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/console/conversation")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ConsoleAssets.Secure(request.HttpContext.Response);
        var waId = request.Query["waId"].ToString().Trim();
        if (!TestContacts.IsTestContact(waId, options.Value.TestNumberPrefix))
        {
            return ConsoleProblems.NotATestContact(waId, options.Value.TestNumberPrefix);
        }

        var number = request.Query["phoneNumberId"].ToString().Trim();
        if (number.Length > 0 && !PhoneNumberId.TryParse(number, out _))
        {
            return Problems.BadRequest($"phoneNumberId '{Problems.Quote(number)}' is not {PhoneNumberId.Format}.", "phoneNumberId");
        }

        var phoneNumberId = number.Length == 0 ? options.Value.PhoneNumberId : number;
        var entries = await outbox.ReadAsync(phoneNumberId, waId, cancellationToken).ConfigureAwait(false);
        var book = await rules.GetRuleBookAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        var index = await catalogue.GetAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        var products = new ProductViews(index, book.Settings.Culture);
        var read = entries.Select(e => e.Outbound?.Body).OfType<Core.WhatsApp.Messages.MarkReadBody>().Select(r => r.MessageId).ToHashSet(StringComparer.Ordinal);

        // One point read per customer message, all at once: the page asks every second.
        var decisions = await Task.WhenAll(entries.Select(e => e.Inbound is null
            ? Task.FromResult<string?>(null)
            : ledger.ReadDecisionAsync(e.At, e.MessageId, cancellationToken))).ConfigureAwait(false);
        var messages = new List<ConsoleMessageView>();
        foreach (var (entry, decision) in entries.Zip(decisions))
        {
            if (entry.Inbound is { } inbound)
            {
                messages.Add(ConsoleMessageViews.Inbound(entry, inbound, read.Contains(entry.MessageId), Steps(decision), products));
            }
            else if (entry.Outbound is { } outbound && ConsoleMessageViews.Outbound(entry, outbound, products) is { } view)
            {
                messages.Add(view);
            }
        }

        var stored = await contacts.GetAsync(phoneNumberId, waId, cancellationToken).ConfigureAwait(false);
        var response = new ConsoleConversationResponse(
            phoneNumberId,
            waId,
            messages,
            Contact(stored?.State, time.GetUtcNow()),
            [.. book.Problems.Select(AdminMapping.ToResponse)]);
        return AdminResults.Json(response, ConsoleApiJsonContext.Readable.ConsoleConversationResponse);
    }

    /// <summary>The ledger's "step: detail → step: detail", one line per step; null while the message is still being decided.</summary>
    private static IReadOnlyList<string>? Steps(string? decision) =>
        decision is null ? null : decision.Split(" → ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ConsoleContactView Contact(ContactState? state, DateTimeOffset now)
    {
        if (state is null)
        {
            return new ConsoleContactView(false, null, [], false, null, false, null, null, false);
        }

        var windowUntil = state.LastInbound + WhatsAppLimits.ServiceWindow;
        return new ConsoleContactView(
            true,
            state.Name,
            state.Labels,
            state.OptedOut,
            state.BotPausedUntil,
            state.BotPausedUntil > now,
            state.LastInbound,
            windowUntil,
            windowUntil > now);
    }
}

/// <summary>Products by retailer id from the business's catalogue index, priced in its culture.</summary>
internal sealed class ProductViews(CatalogueIndex index, CultureInfo culture)
{
    public ConsoleProductView Find(string retailerId, int? quantity = null) => index.FindBySku(retailerId) is { } p
        ? new ConsoleProductView(p.Sku, true, p.Title, p.Description, PriceFormatter.Format(p.Price, p.Currency, culture), p.Price, p.Currency, p.ImageLink, p.InStock, quantity)
        : new ConsoleProductView(retailerId, false, Quantity: quantity);

    public string Price(decimal price, string currency) => PriceFormatter.Format(price, currency, culture);
}
