using Frontdesk.Core.PhoneConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// <c>GET /api/manage/console</c>: the phone simulator page (Function key: <c>?code=</c> once, then the script sends
/// <c>x-functions-key</c>). Its script and styles are served beside it without a key: they are the same public code
/// for everyone and hold no secret, and a browser cannot add a header to a <c>&lt;script src&gt;</c>.
/// </summary>
public sealed class ConsolePageFunctions(IOptions<PhoneConsoleOptions> options)
{
    [Function("ConsolePage")]
    public IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/console")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConsoleAssets.Page(request.HttpContext.Response, options.Value.TestNumberPrefix, options.Value.PhoneNumberId);
    }

    [Function("ConsoleScript")]
    public IActionResult Script(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/console/console.js")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConsoleAssets.Script(request.HttpContext.Response);
    }

    [Function("ConsoleStyles")]
    public IActionResult Styles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/console/console.css")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConsoleAssets.Styles(request.HttpContext.Response);
    }
}
