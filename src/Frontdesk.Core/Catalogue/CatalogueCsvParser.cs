using System.Globalization;
using System.Text;
using CsvHelper;
using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Reads a Meta catalogue data feed (CSV or TSV; columns in any order; quoted fields; UTF-8 with or without BOM).
/// A bad row is reported with its line and skipped; it never stops the rows after it.
/// </summary>
public static class CatalogueCsvParser
{
    /// <summary>Meta's own limit on a retailer id; also keeps RowKeys small.</summary>
    public const int MaxIdLength = 100;

    private static readonly string[] s_requiredColumns = ["id", "title", "availability", "price"];

    /// <param name="csv">The feed's bytes.</param>
    /// <param name="defaultCurrency">The currency of prices written without one (e.g. <c>12.50</c>); null rejects them.</param>
    public static CatalogueParseResult Parse(Stream csv, string? defaultCurrency = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Parse(reader, defaultCurrency);
    }

    public static CatalogueParseResult Parse(TextReader csv, string? defaultCurrency = null)
    {
        var products = new List<ParsedProduct>();
        var rejected = new List<RejectedRow>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => rejected.Add(new RejectedRow(
                (int)record.LineNumber, null, $"malformed CSV ({record.Reason}): quote a field holding commas, quotes or new lines, and double its quotes")),
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var firstLineOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        CatalogueColumns? columns = null;
        var rows = 0;
        while (reader.Read())
        {
            if (++rows > InputLimits.CatalogueRows)
            {
                // A partial catalogue would answer customers with a random half of it: the whole feed is refused.
                return new CatalogueParseResult(products, rejected) { OverRowLimit = true };
            }

            if (columns is null)
            {
                columns = CatalogueColumns.From(reader.Headers);
                var missing = s_requiredColumns.Where(name => !columns.Has(name)).ToList();
                if (missing.Count > 0)
                {
                    rejected.Add(new RejectedRow(1, null, $"missing column(s): {string.Join(", ", missing)}"));
                    return new CatalogueParseResult(products, rejected);
                }
            }

            var line = (int)reader.LineNumber;
            var row = new CatalogueCsvRow(reader, columns);
            var outcome = row.ToProduct(defaultCurrency);
            if (outcome.Reason is { } reason)
            {
                rejected.Add(new RejectedRow(line, row.Get("id"), reason));
            }
            else if (firstLineOfId.TryGetValue(outcome.Product!.Sku, out var first))
            {
                rejected.Add(new RejectedRow(line, outcome.Product.Sku, $"duplicate id (first seen on line {first})"));
            }
            else
            {
                firstLineOfId[outcome.Product.Sku] = line;
                products.Add(new ParsedProduct(line, outcome.Product));
            }
        }

        if (columns is null && products.Count == 0 && rejected.Count == 0)
        {
            rejected.Add(new RejectedRow(1, null, "no products: expected a header line (id,title,availability,price,…) and rows"));
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new CatalogueParseResult(products, rejected);
    }
}
