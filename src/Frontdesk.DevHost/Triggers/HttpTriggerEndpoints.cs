using System.Security.Cryptography;
using System.Text;
using Frontdesk.Core.Telemetry;
using Frontdesk.DevHost.Hosting;
using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.DevHost.Triggers;

/// <summary>
/// Serves each HTTP-triggered function at <c>/{routePrefix}/{route}</c> with its methods and authorization level,
/// as the Functions host does. Function- and admin-level functions need the key <c>DevHost__FunctionKey</c>
/// (header <c>x-functions-key</c> or query <c>code</c>) when that setting is present.
/// </summary>
public static partial class HttpTriggerEndpoints
{
    public static void Map(WebApplication app, IEnumerable<FunctionEntry> functions, HostJson hostJson)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(hostJson);
        var functionKey = app.Configuration["DevHost:FunctionKey"];
        foreach (var function in functions.Where(f => f.Definition.Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            var trigger = function.Definition.Trigger;

            // Route parameters ({id}) bind to the function's parameters of the same name, as in Azure.
            var routeParameters = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(trigger.Route ?? function.Definition.Name)
                .Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            FunctionInvoker.EnsureSupported(function, FunctionInvoker.Has<HttpTriggerAttribute>, routeParameters);
            EnsureNotReserved(function.Definition.Name, trigger.Route ?? function.Definition.Name);
            var route = "/" + string.Join('/', new[] { hostJson.Extensions.Http.RoutePrefix, trigger.Route ?? function.Definition.Name }
                .Where(s => !string.IsNullOrEmpty(s)).Select(s => s.Trim('/')));
            var methods = (trigger.Methods ?? ["get", "post", "put", "delete", "patch", "head", "options"]).Select(m => m.ToUpperInvariant()).ToArray();
            var needsKey = !string.Equals(trigger.AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(functionKey);
            app.MapMethods(route, methods, context => HandleAsync(context, function, needsKey ? functionKey : null))
                .WithName(function.Definition.Name);
            Log.Mapped(app.Logger, function.Definition.Name, string.Join(',', methods), route, trigger.AuthLevel ?? "function");
        }
    }

    /// <summary>Fails as the Functions host does: its own APIs live under <c>admin</c> and <c>runtime</c>.</summary>
    internal static void EnsureNotReserved(string functionName, string route)
    {
        if (route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Function '{functionName}': the specified route '{route}' conflicts with one or more built in routes " +
                "(the Functions host reserves routes starting with 'admin' and 'runtime').");
        }
    }

    private static async Task HandleAsync(HttpContext context, FunctionEntry function, string? requiredKey)
    {
        if (requiredKey is not null && !KeyMatches(context.Request, requiredKey))
        {
            await Problems.WriteAsync(
                context.Response,
                StatusCodes.Status401Unauthorized,
                "This function needs its key: the x-functions-key header or the code query parameter (DevHost__FunctionKey locally).",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(
                function,
                context.RequestServices,
                p => FunctionInvoker.Has<HttpTriggerAttribute>(p) ? context.Request : context.Request.RouteValues[p.Name ?? ""]?.ToString(),
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            // As the worker's middleware does in Azure: the caller learns that it failed, never how (no stack, no message).
            Log.Failed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpTriggerEndpoints)), function.Definition.Name, e);
            await Problems.WriteAsync(context.Response, StatusCodes.Status500InternalServerError, HttpFailureMiddleware.Detail, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context).ConfigureAwait(false);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType(), context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    private static bool KeyMatches(HttpRequest request, string requiredKey)
    {
        string? given = request.Headers["x-functions-key"];
        if (string.IsNullOrEmpty(given))
        {
            given = request.Query["code"];
        }

        return given is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(requiredKey));
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DevHostRouteMapped, LogLevel.Information, "{Function}: [{Methods}] http://…{Route} (auth: {AuthLevel})")]
        public static partial void Mapped(ILogger logger, string function, string methods, string route, string authLevel);

        [LoggerMessage(TelemetryEvents.HttpFailed, LogLevel.Error, "{Function} failed; answered 500 ProblemDetails")]
        public static partial void Failed(ILogger logger, string function, Exception exception);
    }
}
