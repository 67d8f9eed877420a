using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Http;

/// <summary>
/// A time budget for an operator request whose work grows with its input (<see cref="Core.Limits.InputLimits.OperatorBudget"/>):
/// the work is cancelled when the budget runs out, and the caller gets a 503 ProblemDetails at that moment even if
/// some step does not watch its token, so one request can never tie up a worker for longer.
/// </summary>
internal static class Budget
{
    public static async Task<IActionResult> RunAsync(TimeSpan budget, Func<CancellationToken, Task<IActionResult>> work, CancellationToken requestAborted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        limit.CancelAfter(budget);
        try
        {
            return await work(limit.Token).WaitAsync(budget, requestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !requestAborted.IsCancellationRequested))
        {
            // WaitAsync can give up a moment before CancelAfter fires, and disposing the source would then never
            // cancel the work: cancel it here, before the source is disposed.
            await limit.CancelAsync().ConfigureAwait(false);
            return Problems.Result(
                StatusCodes.Status503ServiceUnavailable,
                $"The request did not finish within its {budget.TotalSeconds:0} s budget and was stopped; ask for less (one phoneNumberId, a smaller CSV) or retry.");
        }
    }
}
