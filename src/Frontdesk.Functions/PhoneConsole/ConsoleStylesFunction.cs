using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary><c>GET /api/manage/console/console.css</c>, without a key, like <see cref="ConsoleScriptFunction"/>.</summary>
public sealed class ConsoleStylesFunction
{
    [Function("ConsoleStyles")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/console/console.css")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConsoleAssets.Styles(request.HttpContext.Response);
    }
}
