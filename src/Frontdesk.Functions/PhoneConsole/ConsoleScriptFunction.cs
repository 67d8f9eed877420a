using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// <c>GET /api/manage/console/console.js</c>, without a key: the same public code for everyone, holding no data and
/// no secret, and a browser cannot add a header to a <c>&lt;script src&gt;</c>.
/// </summary>
public sealed class ConsoleScriptFunction
{
    [Function("ConsoleScript")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/console/console.js")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConsoleAssets.Script(request.HttpContext.Response);
    }
}
