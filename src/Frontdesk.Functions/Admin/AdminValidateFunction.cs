using Frontdesk.Core.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Admin;

/// <summary><c>GET /api/manage/validate[?phoneNumberId=…]</c>: every problem in the rule tables, read fresh.</summary>
public sealed class AdminValidateFunction(IRuleSource rules)
{
    [Function("ValidateTables")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/validate")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var number = request.Query["phoneNumberId"].ToString().Trim();
        var phoneNumberId = number.Length == 0 ? null : number;
        var problems = await rules.ValidateAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        var body = new ValidateResponse(phoneNumberId, problems.Count, [.. problems.Select(AdminMapping.ToResponse)]);
        return AdminResults.Json(body, AdminJsonContext.Default.ValidateResponse);
    }
}
