using System.Text.Json;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// <c>POST /api/manage/templates/sync?phoneNumberId=…</c>: reads the business's templates from the Graph API
/// (<c>GET /{WabaId}/message_templates</c>, WabaId from the Settings row) and reports, per purpose of the Templates
/// table (the number's rows and <c>default</c>), whether Meta has the named template APPROVED in that language and
/// how many body parameters it expects against the row. Reports only: nothing is written or guessed. 200 with the
/// report (also when some rows need fixing), 200 with <c>read: false</c> without an access token, 502 when Meta
/// refused or did not answer, 400 for a bad <c>phoneNumberId</c>, no WabaId or no usable Templates row.
/// </summary>
public sealed partial class TemplatesSyncFunction(IRuleSource rules, GraphTemplatesClient graph, ILogger<TemplatesSyncFunction> logger)
{
    public const string Route = "manage/templates/sync";

    [Function("SyncTemplates")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!PhoneNumberQuery.TryRead(request, "templates to check", "templates are checked", out var phoneNumberId, out var problem))
        {
            return problem;
        }

        return await Budget.RunAsync(InputLimits.OperatorBudget, token => SyncAsync(phoneNumberId, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> SyncAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        var book = await rules.ReadRuleBookAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        var problems = book.Problems
            .Where(p => p.Table == nameof(RuleTable.Templates) || (p.Table == nameof(RuleTable.Settings) && p.Column == "WabaId"))
            .Select(AdminMapping.ToResponse)
            .ToList();
        if (book.Settings.WabaId is not { } wabaId)
        {
            return Problems.BadRequest(
                $"The Settings row 'business' for {phoneNumberId} (or default) has no usable WabaId: set it to the WhatsApp Business Account id (digits) whose templates to read.",
                "phoneNumberId");
        }

        if (book.Templates.Count == 0)
        {
            return Problems.BadRequest(problems.Count == 0
                ? $"The Templates table has no usable row for {phoneNumberId} or default: nothing to check (see docs/rules.md, Templates)."
                : $"Every Templates row for {phoneNumberId} has a problem: nothing to check. First problem: {problems[0].Problem}",
                "phoneNumberId");
        }

        var meta = await graph.ListAsync(wabaId, cancellationToken).ConfigureAwait(false);
        var checks = meta.Read ? TemplateCheck.Compare(book.Templates.Values, meta.Templates) : [];
        var ok = checks.Count(c => c.State == TemplateCheck.Ok);
        var response = new TemplatesSyncResponse(
            phoneNumberId, wabaId, meta.Read, meta.MetaStatus, AdminResults.AsJson(meta.MetaAnswer), meta.Reason, meta.Templates.Count, ok, checks.Count - ok, checks, problems);
        Log.Synced(logger, phoneNumberId, wabaId, meta.Read ? "read" : "not read: " + meta.Reason, meta.Templates.Count, ok, checks.Count - ok);
        var status = meta.Read || meta.Skipped ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway;
        return AdminResults.Json(response, AdminJsonContext.Readable.TemplatesSyncResponse, status);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.TemplatesSynced, LogLevel.Information,
            "Templates of {PhoneNumberId} checked against WABA {WabaId} ({Outcome}): Meta has {MetaTemplates}, {Ok} row(s) ok, {ToFix} to fix")]
        public static partial void Synced(ILogger logger, string phoneNumberId, string wabaId, string outcome, int metaTemplates, int ok, int toFix);
    }
}
