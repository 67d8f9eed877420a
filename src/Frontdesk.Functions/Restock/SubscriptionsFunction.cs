using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Restock;
using Frontdesk.Functions.Admin;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Restock;

/// <summary>
/// <c>GET /api/manage/subscriptions?phoneNumberId=…[&amp;sku=…][&amp;after=…]</c>: a number's "back in stock"
/// subscribers, <see cref="PageSize"/> at a time, in every state (open, notified, expired), with the rows an
/// operator edited into nonsense listed as problems.
/// </summary>
public sealed class SubscriptionsFunction(ISubscriptionStore subscriptions, TimeProvider time)
{
    public const int PageSize = 1000;

    [Function("Subscriptions")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/subscriptions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? number = request.Query["phoneNumberId"];
        if (string.IsNullOrWhiteSpace(number))
        {
            return Problems.BadRequest("Add ?phoneNumberId=<the WhatsApp phone_number_id whose subscribers to list>.", "phoneNumberId");
        }

        if (!PhoneNumberId.TryParse(number, out var phoneNumberId))
        {
            return Problems.BadRequest($"phoneNumberId '{Problems.Quote(number)}' is not {PhoneNumberId.Format} (subscriptions belong to one number, never 'default').", "phoneNumberId");
        }

        string? sku = request.Query["sku"];
        if (sku is not null && KeyProblem(sku, "sku") is { } skuProblem)
        {
            return Problems.BadRequest(skuProblem, "sku");
        }

        string? after = request.Query["after"];
        if (after is not null && KeyProblem(after, "after") is { } afterProblem)
        {
            return Problems.BadRequest(afterProblem, "after");
        }

        return await Budget.RunAsync(
            InputLimits.OperatorBudget,
            async token =>
            {
                var page = await subscriptions.ListAsync(phoneNumberId.Value, sku?.Trim(), after, PageSize, token).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var views = page.Subscriptions.Select(s => new SubscriptionView(
                    s.Sku, s.WaId, s.Name, s.Created, s.Expires, s.State.ToString().ToLowerInvariant(), s.IsLive(now), s.ClosedAt, s.IdempotencyKey)).ToList();
                var body = new SubscriptionsResponse(
                    phoneNumberId.Value, sku?.Trim(), views.Count, views.Count(v => v.Live), page.More ? page.LastRowKey : null, views,
                    [.. page.Problems.Select(AdminMapping.ToResponse)]);
                return AdminResults.Json(body, RestockJsonContext.Readable.SubscriptionsResponse);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A SKU or RowKey as the Table service takes it: not empty, not over-long, no '/', '\', '#', '?' or control characters.</summary>
    private static string? KeyProblem(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{parameter} is empty: leave it out, or give a value.";
        }

        if (value.Length > InputLimits.ReplyId + WaId.MaxScopedLength)
        {
            return $"{parameter} has {value.Length} characters; no product key is that long.";
        }

        return value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            ? $"{parameter} '{Problems.Quote(value)}' holds a character no table key can ('/', '\\', '#', '?' or a control character)."
            : null;
    }
}
