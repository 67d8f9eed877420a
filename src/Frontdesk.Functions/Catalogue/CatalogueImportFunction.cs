using Frontdesk.Core.Telemetry;
using System.Text.Json;
using Frontdesk.Core.Catalogue;
using Frontdesk.Functions.Webhooks;
using Frontdesk.Storage.Catalogue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Catalogue;

/// <summary>
/// <c>POST /api/manage/catalogue/import?phoneNumberId=…[&amp;currency=EUR]</c> with a Meta data-feed CSV as the body;
/// answers the import report. The route avoids <c>admin/</c>: the Functions host reserves every route starting with
/// <c>admin</c> for its own API and refuses to load a function that claims one.
/// </summary>
public sealed partial class CatalogueImportFunction(CatalogueImporter importer, ILogger<CatalogueImportFunction> logger)
{
    public const string Route = "manage/catalogue/import";

    /// <summary>The Functions host's own request limit; a 100,000-product feed is about 30 MB.</summary>
    public const int MaxBytes = 100 * 1024 * 1024;

    [Function("CatalogueImport")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? phoneNumberId = request.Query["phoneNumberId"];
        if (string.IsNullOrWhiteSpace(phoneNumberId))
        {
            return Problem(StatusCodes.Status400BadRequest, "Add ?phoneNumberId=<the WhatsApp phone_number_id> (or ?phoneNumberId=default for every number without its own catalogue).");
        }

        phoneNumberId = phoneNumberId.Trim();
        if (phoneNumberId != CatalogueStore.DefaultPartition && !phoneNumberId.All(char.IsAsciiDigit))
        {
            return Problem(StatusCodes.Status400BadRequest, $"phoneNumberId '{phoneNumberId}' is neither digits (a phone_number_id) nor 'default'.");
        }

        string? currency = request.Query["currency"];
        if (!string.IsNullOrWhiteSpace(currency) && !PriceText.IsCurrencyCode(currency.Trim()))
        {
            return Problem(StatusCodes.Status400BadRequest, $"currency '{currency}' is not an ISO 4217 code such as EUR.");
        }

        // Buffered, because the CSV reader is synchronous and Kestrel forbids synchronous reads of a request.
        var body = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The CSV is larger than 100 MB; split it into several imports.");
        }

        if (body.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is empty: POST the catalogue CSV (id,title,availability,price,… as in a Meta data feed).");
        }

        var result = await importer.ImportAsync(phoneNumberId, new MemoryStream(body, writable: false), currency?.Trim(), cancellationToken).ConfigureAwait(false);
        Log.Answered(logger, result.PartitionKey, body.Length);
        return new ContentResult
        {
            Content = JsonSerializer.Serialize(result, CatalogueJsonContext.Default.CatalogueImportResult),
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }

    private static ObjectResult Problem(int status, string detail) =>
        new(new ProblemDetails { Status = status, Detail = detail }) { StatusCode = status };

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.CatalogueImportAnswered, LogLevel.Information, "Catalogue import for {PartitionKey} answered ({Bytes} bytes of CSV)")]
        public static partial void Answered(ILogger logger, string partitionKey, int bytes);
    }
}
