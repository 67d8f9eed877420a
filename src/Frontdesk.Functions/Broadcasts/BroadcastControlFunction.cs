using Frontdesk.Core.Broadcasts;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Broadcasts;

/// <summary>
/// <c>POST /api/manage/broadcasts/{id}/pause|resume|cancel</c>: answers the broadcast after the change (200), 404
/// for an unknown id or action, 409 when the broadcast is finished and cannot change any more.
/// </summary>
public sealed class BroadcastControlFunction(BroadcastControl control, TimeProvider time)
{
    public const string Route = "manage/broadcasts/{id}/{action}";

    [Function("BroadcastControl")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        string id,
        string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!BroadcastKeys.IsValidId(id))
        {
            return Problems.BadRequest($"The broadcast id '{Problems.Quote(id)}' must be {BroadcastKeys.IdFormat}.", "id");
        }

        var result = action?.ToUpperInvariant() switch
        {
            "PAUSE" => await control.PauseAsync(id, $"paused by an operator at {time.GetUtcNow():u}", cancellationToken).ConfigureAwait(false),
            "RESUME" => await control.ResumeAsync(id, cancellationToken).ConfigureAwait(false),
            "CANCEL" => await control.CancelAsync(id, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (result is null)
        {
            return Problems.Result(StatusCodes.Status404NotFound, $"'{Problems.Quote(action)}' is not an action: POST …/broadcasts/{id}/pause, /resume or /cancel.", "action");
        }

        if (result.Summary is not { } summary)
        {
            return Problems.Result(StatusCodes.Status404NotFound, $"There is no broadcast '{id}' (the Broadcasts table has no summary row for it).", "id");
        }

        if (!result.Changed && summary.State is BroadcastState.Done or BroadcastState.Cancelled)
        {
            return Problems.Result(StatusCodes.Status409Conflict, $"Broadcast '{id}' is {summary.State}: it cannot be {action}d any more.", "action");
        }

        return BroadcastViews.Json(BroadcastViews.From(summary, time.GetUtcNow()), StatusCodes.Status200OK);
    }
}
