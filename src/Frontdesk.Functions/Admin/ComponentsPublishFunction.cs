using System.Text.Json;
using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// <c>POST /api/manage/components/publish?phoneNumberId=…</c>: reads the number's <c>Components</c> rows (its own
/// and <c>default</c>), sends them to Meta's <c>conversational_automation</c> edge, and answers with what was sent
/// and what Meta said: 200 when Meta accepted it, 502 when Meta refused or did not answer, 200 with
/// <c>sent: false</c> when no access token is set. Rows with problems are left out and listed.
/// </summary>
public sealed class ComponentsPublishFunction(IRuleSource rules, GraphComponentsClient graph)
{
    public const string Route = "manage/components/publish";

    [Function("PublishComponents")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!PhoneNumberQuery.TryRead(request, "components to publish", "components are published", out var phoneNumberId, out var problem))
        {
            return problem;
        }

        var book = await rules.ReadRuleBookAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        var problems = book.Problems.Where(p => p.Table == nameof(RuleTable.Components)).Select(AdminMapping.ToResponse).ToList();
        if (book.Components.IsEmpty)
        {
            return Problems.BadRequest(problems.Count == 0
                ? $"The Components table has no usable row for {phoneNumberId} or default: nothing to publish (see docs/rules.md, Components)."
                : $"Every Components row for {phoneNumberId} has a problem: nothing to publish. First problem: {problems[0].Problem}",
                "phoneNumberId");
        }

        var body = GraphComponentsClient.Body(book.Components);
        var result = await graph.PublishAsync(phoneNumberId, body, cancellationToken).ConfigureAwait(false);
        var metaJson = AdminResults.AsJson(result.MetaAnswer);
        var response = new ComponentsPublishResponse(
            phoneNumberId,
            result.Sent,
            result.Accepted,
            result.MetaStatus,
            metaJson,
            metaJson is null ? result.MetaAnswer : null,
            result.Reason,
            JsonDocument.Parse(GraphComponentsClient.Json(body)).RootElement.Clone(),
            problems);
        var status = !result.Sent || result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway;
        return AdminResults.Json(response, AdminJsonContext.Readable.ComponentsPublishResponse, status);
    }
}
