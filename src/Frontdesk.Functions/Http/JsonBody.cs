using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Frontdesk.Core.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Http;

/// <summary>
/// Reads an operator endpoint's JSON body within <see cref="InputLimits.OperatorJsonBytes"/>: the value, or the 413/400
/// ProblemDetails to answer instead. Nothing past the limit is read.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, string expected, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await RequestBody.ReadAsync(request, InputLimits.OperatorJsonBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, Problems.TooLarge($"The body is larger than {InputLimits.OperatorJsonBytes / 1024} KB, the limit for an operator request."));
        }

        if (bytes.Length == 0)
        {
            return (null, Problems.BadRequest($"The body is empty: send JSON with {expected}."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, typeInfo);
            return value is null
                ? (null, Problems.BadRequest($"The body is JSON null: send an object with {expected}."))
                : (value, null);
        }
        catch (JsonException e)
        {
            // The reader's message names the path and position, never a stack or the body itself.
            return (null, Problems.BadRequest($"The body is not valid JSON with {expected}: {e.Message}", e.Path?.TrimStart('$', '.')));
        }
    }
}
