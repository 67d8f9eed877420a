using Frontdesk.Core.Conversations;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// <c>POST /api/manage/explain</c>: the replies a message would get and why, from the tables as they are now and the
/// contact's stored state. Sends nothing and writes nothing: neither the contact nor the handled-message ledger.
/// Bounded before any work: a body of at most 64 KB, checked ids, a text no longer than WhatsApp allows, and a time budget.
/// </summary>
public sealed class AdminExplainFunction(IRuleSource rules, IContactStore contacts, ReplyEngine engine, TimeProvider timeProvider)
{
    private const string Expected = "phoneNumberId, from, text or replyId, and an optional ISO 8601 at";

    [Function("ExplainMessage")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "manage/explain")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, problem) = await JsonBody.ReadAsync(request, AdminJsonContext.Default.ExplainRequest, Expected, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (Check(body!, out var phoneNumberId, out var from) is { } refused)
        {
            return refused;
        }

        return await Budget.RunAsync(
            InputLimits.OperatorBudget,
            token => ExplainAsync(body!, phoneNumberId, from, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every field of the request checked against its format and limit, before anything is read.</summary>
    private static ContentResult? Check(ExplainRequest body, out PhoneNumberId phoneNumberId, out WaId from)
    {
        from = default;
        if (!PhoneNumberId.TryParse(body.PhoneNumberId, out phoneNumberId))
        {
            return Problems.BadRequest(
                body.PhoneNumberId is null ? $"phoneNumberId is required: {PhoneNumberId.Format}." : $"phoneNumberId '{Problems.Quote(body.PhoneNumberId)}' is not {PhoneNumberId.Format}.",
                "phoneNumberId");
        }

        if (!WaId.TryParse(body.From, out from))
        {
            return Problems.BadRequest(
                body.From is null ? $"from is required: {WaId.Format}." : $"from '{Problems.Quote(body.From)}' is not {WaId.Format}.",
                "from");
        }

        if (string.IsNullOrEmpty(body.Text) && string.IsNullOrWhiteSpace(body.ReplyId))
        {
            return Problems.BadRequest("Give text (what the customer types) or replyId (the id of a tapped button or picked menu row).", "text");
        }

        return TooLong("text", body.Text, InputLimits.CustomerText, "WhatsApp's limit for a customer's text")
            ?? TooLong("replyId", body.ReplyId, InputLimits.ReplyId, "Meta's limit for a button or row id")
            ?? TooLong("name", body.Name, InputLimits.ProfileName, "the limit for a profile name");
    }

    private static ContentResult? TooLong(string field, string? value, int limit, string why) =>
        value?.Length > limit
            ? Problems.BadRequest($"{field} has {value.Length} characters, more than {limit} ({why}).", field)
            : null;

    private async Task<IActionResult> ExplainAsync(ExplainRequest body, PhoneNumberId phoneNumberId, WaId from, CancellationToken cancellationToken)
    {
        var at = body.At ?? timeProvider.GetUtcNow();
        var book = await rules.ReadRuleBookAsync(phoneNumberId.Value, cancellationToken).ConfigureAwait(false);
        var stored = await contacts.GetAsync(phoneNumberId.Value, from.Value, cancellationToken).ConfigureAwait(false);
        var message = Message(body, phoneNumberId, from, at);
        var decision = await engine.DecideAtAsync(book, stored?.State, message, at, cancellationToken).ConfigureAwait(false);

        var response = new ExplainResponse(
            phoneNumberId.Value,
            from.Value,
            at,
            book.Hours.IsOpen(at),
            stored is not null,
            [.. decision.Replies.Select(AdminMapping.ToResponse)],
            decision.Steps,
            AdminMapping.ToResponse(decision.Contact),
            [.. book.Problems.Select(AdminMapping.ToResponse)])
        {
            Window = Window(stored?.State, at),
        };
        return AdminResults.Json(response, AdminJsonContext.Readable.ExplainResponse);
    }

    private static ExplainedWindow Window(ContactState? contact, DateTimeOffset at)
    {
        var window = CustomerWindow.Of(contact, at);
        var says = window switch
        {
            { IsOpen: true } => $"open until {window.ClosesAt:u}: business-initiated messages go free-form",
            { ClosesAt: { } closed } => $"closed since {closed:u}: business-initiated messages go as their template",
            _ => "never opened (the customer has not written): business-initiated messages go as their template",
        };
        return new ExplainedWindow(window.IsOpen, window.ClosesAt, says);
    }

    private static InboundMessage Message(ExplainRequest body, PhoneNumberId phoneNumberId, WaId from, DateTimeOffset at) => new()
    {
        PhoneNumberId = phoneNumberId.Value,
        From = from.Value,
        ProfileName = body.Name,
        Id = "explain",
        Timestamp = at,
        Type = body.ReplyId is null ? "text" : "interactive",

        // A reply id may be a menu row (list_reply, id = rule name) or a button (id = title); the engine checks both.
        Content = body.ReplyId is { } id
            ? new InteractiveReplyContent("list_reply", id.Trim(), body.Text ?? id.Trim(), null)
            : new TextContent(body.Text!),
    };
}
