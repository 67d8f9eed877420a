using System.Globalization;
using System.Text;
using Frontdesk.Core.Broadcasts;
using Frontdesk.Core.Limits;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Broadcasts;

/// <summary>
/// <c>POST /api/manage/broadcasts</c>: a JSON body (<see cref="BroadcastStartRequest"/>), or a CSV body of
/// <c>wa_id[,name]</c> (Content-Type <c>text/csv</c>) with <c>phoneNumberId</c>, <c>template</c>, <c>id</c>,
/// <c>name</c>, <c>startAt</c> and <c>parameters.x</c> in the query string. Answers 202 with the broadcast (its id and
/// planned count); the same id again answers the stored broadcast and starts nothing; a bad request is a 400 naming
/// every problem, and nothing is queued.
/// </summary>
public sealed class BroadcastStartFunction(BroadcastPlanner planner, TimeProvider time)
{
    public const string Route = "manage/broadcasts";

    private const string Expected = "phoneNumberId, template and audience ({\"label\": …} or {\"contacts\": […]})";

    [Function("BroadcastStart")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (parsed, problem) = IsCsv(request)
            ? await ReadCsvAsync(request, cancellationToken).ConfigureAwait(false)
            : await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return await Budget.RunAsync(InputLimits.BroadcastBudget, async token =>
        {
            var result = await planner.StartAsync(parsed!, token).ConfigureAwait(false);
            return result.Summary is { } summary
                ? BroadcastViews.Json(BroadcastViews.From(summary, time.GetUtcNow(), result.Created), StatusCodes.Status202Accepted)
                : Problems.BadRequest([.. result.Problems.Select(p => new ProblemError(p.Parameter, p.Detail))]);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsCsv(HttpRequest request) =>
        request.ContentType is { } type && (type.Contains("csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));

    private static async Task<(BroadcastRequest? Request, IActionResult? Problem)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, BroadcastJsonContext.Default.BroadcastStartRequest, Expected, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        var errors = new List<ProblemError>();
        var startAt = StartAt(body!.StartAt, "startAt", errors);
        var contacts = body.Audience?.Contacts?.Select((c, i) => new AudienceEntry($"audience.contacts[{i}]", c ?? "")).ToList();
        return errors.Count > 0
            ? (null, Problems.BadRequest(errors))
            : (new BroadcastRequest
            {
                PhoneNumberId = body.PhoneNumberId,
                Id = body.Id,
                Name = body.Name,
                Template = body.Template,
                Label = body.Audience?.Label,
                Contacts = contacts,
                StartAt = startAt,
                Parameters = body.Parameters ?? [],
            }, null);
    }

    private static async Task<(BroadcastRequest? Request, IActionResult? Problem)> ReadCsvAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bytes = await RequestBody.ReadAsync(request, InputLimits.BroadcastCsvBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, Problems.TooLarge($"The CSV is larger than {InputLimits.BroadcastCsvBytes / (1024 * 1024)} MB; split the audience into several broadcasts."));
        }

        if (bytes.Length == 0)
        {
            return (null, Problems.BadRequest("The body is empty: POST the audience as CSV lines of wa_id[,name]."));
        }

        var (entries, csvProblems) = BroadcastCsv.Parse(new StringReader(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF')));
        var errors = csvProblems.Select(p => new ProblemError(p.Parameter, p.Detail)).ToList();
        var query = request.Query;
        var startAt = StartAt(query["startAt"].ToString(), "startAt", errors);
        if (entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ProblemError("audience", "the CSV has no wa_id line: the audience is empty."));
        }

        if (errors.Count > 0)
        {
            return (null, Problems.BadRequest(errors));
        }

        return (new BroadcastRequest
        {
            PhoneNumberId = query["phoneNumberId"].ToString(),
            Id = query["id"].ToString(),
            Name = query["name"].ToString() is { Length: > 0 } name ? name : null,
            Template = query["template"].ToString(),
            Contacts = entries,
            StartAt = startAt,
            Parameters = query.Where(q => q.Key.StartsWith("parameters.", StringComparison.Ordinal))
                .ToDictionary(q => q.Key["parameters.".Length..], q => q.Value.ToString(), StringComparer.Ordinal),
        }, null);
    }

    private static DateTimeOffset? StartAt(string? text, string parameter, List<ProblemError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        errors.Add(new ProblemError(parameter, $"{parameter} '{Problems.Quote(text)}' is not an ISO 8601 time such as 2026-12-20T09:00:00+01:00."));
        return null;
    }
}
