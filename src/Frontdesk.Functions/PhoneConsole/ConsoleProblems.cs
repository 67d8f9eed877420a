using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>The console endpoints' 4xx and 503 answers as ProblemDetails (RFC 9457), each saying how to fix the request.</summary>
internal static class ConsoleProblems
{
    public static ObjectResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "The console request is incomplete or malformed", detail);

    public static ObjectResult NotATestContact(string? waId, string prefix) => Problem(
        StatusCodes.Status403Forbidden,
        "Only test contacts can be driven from the console",
        $"'{waId}' is not a test contact: the console speaks only for wa_ids of digits starting with {prefix} (Console__TestNumberPrefix), never for real customers.");

    public static ObjectResult StorageUnavailable() => Problem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable", "Nothing was sent; try again in a moment.");

    private static ObjectResult Problem(int status, string title, string detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail }) { StatusCode = status, ContentTypes = { "application/problem+json" } };
}
