using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Frontdesk.Functions.Http;

/// <summary>
/// The one way any endpoint answers a 4xx or 5xx: an RFC 9457 ProblemDetails body, <c>application/problem+json</c>,
/// readable UTF-8 (an "é" stays an "é"). The detail is written for the caller; it never holds a stack trace, a secret
/// or more than 40 characters of a value the caller sent.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    private static readonly ProblemJsonContext s_context = new(Core.Text.ReadableJson.Options(ProblemJsonContext.Default.Options));

    /// <summary>400: the request is wrong; <paramref name="parameter"/> names the query parameter or field at fault.</summary>
    public static ContentResult BadRequest(string detail, string? parameter = null) =>
        Result(StatusCodes.Status400BadRequest, detail, parameter);

    /// <summary>How many problems a 400 lists in <c>errors</c>; the detail says how many there were in all.</summary>
    public const int MaxErrors = 20;

    /// <summary>400 naming every problem (up to <see cref="MaxErrors"/>): <c>errors</c> gives each with its field or line.</summary>
    public static ContentResult BadRequest(IReadOnlyList<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var listed = errors.Take(MaxErrors).ToList();
        var detail = errors.Count == 1
            ? errors[0].Detail
            : $"{errors.Count} problems, each in errors[]{(errors.Count > MaxErrors ? $" (the first {MaxErrors})" : "")}; nothing was done. First: {errors[0].Detail}";
        return new()
        {
            Content = JsonSerializer.Serialize(
                new Problem(ReasonPhrases.GetReasonPhrase(StatusCodes.Status400BadRequest), StatusCodes.Status400BadRequest, detail, errors.Count == 1 ? errors[0].Parameter : null, Errors: listed),
                s_context.Problem),
            ContentType = ContentType,
            StatusCode = StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>413: the body is over the endpoint's limit (<see cref="Core.Limits.InputLimits"/>).</summary>
    public static ContentResult TooLarge(string detail, string? parameter = null) =>
        Result(StatusCodes.Status413PayloadTooLarge, detail, parameter);

    public static ContentResult Result(int status, string detail, string? parameter = null) => new()
    {
        Content = Serialize(status, detail, parameter),
        ContentType = ContentType,
        StatusCode = status,
    };

    /// <summary>Writes a problem straight to a response (middleware and hosts, where no action result runs).</summary>
    public static async Task WriteAsync(HttpResponse response, int status, string detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = ContentType;
        await response.WriteAsync(Serialize(status, detail, null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>At most 40 characters of a value the caller sent, to quote it back without echoing a megabyte.</summary>
    public static string Quote(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private static string Serialize(int status, string detail, string? parameter) =>
        JsonSerializer.Serialize(new Problem(ReasonPhrases.GetReasonPhrase(status), status, detail, parameter), s_context.Problem);
}
