using System.Text.Json;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// <c>POST /api/manage/explain</c>: the replies a message would get and why, from the tables as they are now and the
/// contact's stored state. Sends nothing and writes nothing: neither the contact nor the handled-message ledger.
/// </summary>
public sealed class AdminExplainFunction(IRuleSource rules, IContactStore contacts, ReplyEngine engine, TimeProvider timeProvider)
{
    [Function("ExplainMessage")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "manage/explain")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ExplainRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, AdminJsonContext.Default.ExplainRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return AdminResults.BadRequest($"The body is not valid JSON with phoneNumberId, from, text or replyId, and an optional ISO 8601 at: {ex.Message}");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.PhoneNumberId) || string.IsNullOrWhiteSpace(body.From))
        {
            return AdminResults.BadRequest("phoneNumberId (the business number's phone_number_id) and from (the customer's wa_id) are required.");
        }

        if (string.IsNullOrEmpty(body.Text) && string.IsNullOrWhiteSpace(body.ReplyId))
        {
            return AdminResults.BadRequest("Give text (what the customer types) or replyId (the id of a tapped button or picked menu row).");
        }

        var at = body.At ?? timeProvider.GetUtcNow();
        var book = await rules.ReadRuleBookAsync(body.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var stored = await contacts.GetAsync(body.PhoneNumberId, body.From, cancellationToken).ConfigureAwait(false);
        var message = Message(body, at);
        var decision = await engine.DecideAtAsync(book, stored?.State, message, at, cancellationToken).ConfigureAwait(false);

        var response = new ExplainResponse(
            body.PhoneNumberId,
            body.From,
            at,
            book.Hours.IsOpen(at),
            stored is not null,
            [.. decision.Replies.Select(AdminMapping.ToResponse)],
            decision.Steps,
            AdminMapping.ToResponse(decision.Contact),
            [.. book.Problems.Select(AdminMapping.ToResponse)]);
        return AdminResults.Json(response, AdminJsonContext.Default.ExplainResponse);
    }

    private static InboundMessage Message(ExplainRequest body, DateTimeOffset at) => new()
    {
        PhoneNumberId = body.PhoneNumberId!,
        From = body.From!,
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
