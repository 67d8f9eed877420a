using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>The console endpoints' own refusals, through the one ProblemDetails helper (<see cref="Problems"/>).</summary>
internal static class ConsoleProblems
{
    public static ContentResult NotATestContact(string? waId, string prefix) => Problems.Result(
        StatusCodes.Status403Forbidden,
        $"'{Problems.Quote(waId)}' is not a test contact: the console speaks only for wa_ids of digits starting with {prefix} (Console__TestNumberPrefix), never for real customers.",
        "waId");

    public static ContentResult StorageUnavailable() =>
        Problems.Result(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable: nothing was sent; try again in a moment.");
}
