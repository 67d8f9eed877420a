using System.Text.Json;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Telemetry;
using Frontdesk.Functions.Http;
using Frontdesk.Storage.Catalogue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Catalogue;

/// <summary>
/// <c>POST /api/manage/catalogue/import?phoneNumberId=…[&amp;currency=EUR]</c> with a Meta data-feed CSV as the body;
/// answers the import report. Bounded before any work: a checked id and currency, at most
/// <see cref="InputLimits.CatalogueCsvBytes"/> of CSV and <see cref="InputLimits.CatalogueRows"/> rows, and
/// <see cref="InputLimits.ImportBudget"/> of time. The route avoids <c>admin/</c>: the Functions host reserves every
/// route starting with <c>admin</c> for its own API and refuses to load a function that claims one.
/// </summary>
public sealed partial class CatalogueImportFunction(CatalogueImporter importer, ILogger<CatalogueImportFunction> logger)
{
    public const string Route = "manage/catalogue/import";

    public const int MaxBytes = InputLimits.CatalogueCsvBytes;

    [Function("CatalogueImport")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? number = request.Query["phoneNumberId"];
        if (string.IsNullOrWhiteSpace(number))
        {
            return Problems.BadRequest("Add ?phoneNumberId=<the WhatsApp phone_number_id> (or ?phoneNumberId=default for every number without its own catalogue).", "phoneNumberId");
        }

        if (!PhoneNumberId.TryParsePartition(number, out var phoneNumberId))
        {
            return Problems.BadRequest($"phoneNumberId '{Problems.Quote(number)}' is neither {PhoneNumberId.Format} nor 'default'.", "phoneNumberId");
        }

        string? currency = request.Query["currency"];
        if (!string.IsNullOrWhiteSpace(currency) && !PriceText.IsCurrencyCode(currency.Trim()))
        {
            return Problems.BadRequest($"currency '{Problems.Quote(currency)}' is not an ISO 4217 code such as EUR.", "currency");
        }

        // Buffered, because the CSV reader is synchronous and Kestrel forbids synchronous reads of a request.
        var body = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.TooLarge($"The CSV is larger than {MaxBytes / (1024 * 1024)} MB; split it into several imports.");
        }

        if (body.Length == 0)
        {
            return Problems.BadRequest("The body is empty: POST the catalogue CSV (id,title,availability,price,… as in a Meta data feed).");
        }

        return await Budget.RunAsync(InputLimits.ImportBudget, token => ImportAsync(phoneNumberId, body, currency?.Trim(), token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> ImportAsync(PhoneNumberId phoneNumberId, byte[] body, string? currency, CancellationToken cancellationToken)
    {
        CatalogueImportResult result;
        try
        {
            result = await importer.ImportAsync(phoneNumberId.Value, new MemoryStream(body, writable: false), currency, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogueTooLargeException e)
        {
            return Problems.TooLarge(e.Message);
        }

        Log.Answered(logger, result.PartitionKey, body.Length);
        return new ContentResult
        {
            Content = JsonSerializer.Serialize(result, CatalogueJsonContext.Readable.CatalogueImportResult),
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.CatalogueImportAnswered, LogLevel.Information, "Catalogue import for {PartitionKey} answered ({Bytes} bytes of CSV)")]
        public static partial void Answered(ILogger logger, string partitionKey, int bytes);
    }
}
