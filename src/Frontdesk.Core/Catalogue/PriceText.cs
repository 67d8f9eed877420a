using System.Globalization;
using System.Text.RegularExpressions;

namespace Frontdesk.Core.Catalogue;

/// <summary>Reads a feed price: <c>12.50 EUR</c>, <c>EUR 12.50</c>, or <c>12.50</c> with a default currency.</summary>
public static partial class PriceText
{
    public static bool TryParse(string text, string? defaultCurrency, out decimal price, out string currency, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        price = 0;
        currency = "";
        var match = PricePattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"unparsable price '{text}' (expected e.g. '12.50 EUR', a dot before decimals)";
            return false;
        }

        price = decimal.Parse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var code = match.Groups["before"].Success ? match.Groups["before"].Value
            : match.Groups["after"].Success ? match.Groups["after"].Value
            : defaultCurrency;
        if (string.IsNullOrWhiteSpace(code))
        {
            error = $"price '{text}' has no currency (write it like '12.50 EUR')";
            return false;
        }

        if (!IsCurrencyCode(code))
        {
            error = $"unknown currency '{code}' (an ISO 4217 code such as EUR)";
            return false;
        }

        currency = code.ToUpperInvariant();
        error = "";
        return true;
    }

    public static bool IsCurrencyCode(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);

    [GeneratedRegex(@"^(?:(?<before>[A-Za-z]{3})\s*)?(?<amount>\d{1,12}(?:\.\d{1,4})?)(?:\s*(?<after>[A-Za-z]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PricePattern();
}
