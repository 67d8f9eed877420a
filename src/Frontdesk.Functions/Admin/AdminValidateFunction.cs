using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// <c>GET /api/manage/validate[?phoneNumberId=…]</c>: every problem in the rule tables, read fresh, within the
/// operator time budget, and the Subscriptions rows edited into nonsense. <c>phoneNumberId</c> is a phone_number_id
/// or <c>default</c>.
/// </summary>
public sealed class AdminValidateFunction(IRuleSource rules, ISubscriptionStore subscriptions)
{
    [Function("ValidateTables")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/validate")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? number = request.Query["phoneNumberId"];
        PhoneNumberId? phoneNumberId = null;
        if (!string.IsNullOrWhiteSpace(number))
        {
            if (!PhoneNumberId.TryParsePartition(number, out var parsed))
            {
                return Problems.BadRequest($"phoneNumberId '{Problems.Quote(number)}' is not {PhoneNumberId.Format}, nor 'default'; leave it out to check every number.", "phoneNumberId");
            }

            phoneNumberId = parsed;
        }

        return await Budget.RunAsync(
            InputLimits.OperatorBudget,
            async token =>
            {
                var problems = (await rules.ValidateAsync(phoneNumberId?.Value, token).ConfigureAwait(false))
                    .Concat(await subscriptions.ValidateAsync(phoneNumberId?.Value, token).ConfigureAwait(false))
                    .ToList();
                var body = new ValidateResponse(phoneNumberId?.Value, problems.Count, [.. problems.Select(AdminMapping.ToResponse)]);
                return AdminResults.Json(body, AdminJsonContext.Readable.ValidateResponse);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
