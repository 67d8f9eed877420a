using Frontdesk.Core.Broadcasts;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Broadcasts;

/// <summary><c>GET /api/manage/broadcasts/{id}</c>: the counts, the pace achieved and the estimated end.</summary>
public sealed class BroadcastReportFunction(IBroadcastStore store, TimeProvider time)
{
    public const string Route = "manage/broadcasts/{id}";

    [Function("BroadcastReport")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!BroadcastKeys.IsValidId(id))
        {
            return Problems.BadRequest($"The broadcast id '{Problems.Quote(id)}' must be {BroadcastKeys.IdFormat}.", "id");
        }

        var summary = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return summary is null
            ? Problems.Result(StatusCodes.Status404NotFound, $"There is no broadcast '{id}' (the Broadcasts table has no summary row for it).", "id")
            : BroadcastViews.Json(BroadcastViews.From(summary, time.GetUtcNow()), StatusCodes.Status200OK);
    }
}
