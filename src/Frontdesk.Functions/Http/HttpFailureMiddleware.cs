using Frontdesk.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Http;

/// <summary>
/// HTTP invocations only (registered with <c>UseWhen</c>): an exception a function did not turn into an answer
/// becomes a 500 ProblemDetails that says it failed, never how. Queue and timer invocations rethrow as before, so
/// their retries and poison queues keep working.
/// </summary>
public sealed partial class HttpFailureMiddleware(ILogger<HttpFailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string Detail = "The request failed on the server; nothing about it is shown here. The operator finds it in the log by time and function.";

    public static bool IsHttp(FunctionContext context) =>
        context?.FunctionDefinition.InputBindings.Values.Any(b => b.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)) == true;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http && !http.RequestAborted.IsCancellationRequested)
        {
            Log.Failed(logger, context.FunctionDefinition.Name, e);
            await Problems.WriteAsync(http.Response, StatusCodes.Status500InternalServerError, Detail, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.HttpFailed, LogLevel.Error, "{Function} failed; answered 500 ProblemDetails")]
        public static partial void Failed(ILogger logger, string function, Exception exception);
    }
}
