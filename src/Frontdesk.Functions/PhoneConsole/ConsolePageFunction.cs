using Frontdesk.Core.PhoneConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// <c>GET /api/manage/console</c>: the phone simulator page (Function key: <c>?code=</c> once, then the script sends
/// <c>x-functions-key</c>). Its script and styles are served beside it (<see cref="ConsoleScriptFunction"/>,
/// <see cref="ConsoleStylesFunction"/>).
/// </summary>
public sealed class ConsolePageFunction(IOptions<PhoneConsoleOptions> options)
{
    [Function("ConsolePage")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/console")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConsoleAssets.Page(request.HttpContext.Response, options.Value.TestNumberPrefix, options.Value.PhoneNumberId);
    }
}
