using System.Globalization;

namespace Frontdesk.Core.Catalogue;

/// <summary>
/// Formats a price in the business's culture with the product's own currency: fr-FR + EUR → "12,50 €",
/// en-GB + EUR → "€12.50", fr-FR + USD → "12,50 $US"-style symbols come from .NET's data for the currency's home culture.
/// </summary>
public static class PriceFormatter
{
    private static readonly Dictionary<string, string> s_symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥", ["CHF"] = "CHF", ["CAD"] = "CA$", ["AUD"] = "A$",
        ["INR"] = "₹", ["BRL"] = "R$", ["MXN"] = "MX$", ["NGN"] = "₦", ["ZAR"] = "R", ["MAD"] = "MAD", ["XOF"] = "F CFA",
    };

    public static string Format(decimal price, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(culture);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolFor(currency, culture);
        format.CurrencyDecimalDigits = price == decimal.Truncate(price) && currency.Equals("JPY", StringComparison.OrdinalIgnoreCase) ? 0 : 2;
        return price.ToString("C", format);
    }

    public static CultureInfo CultureOrInvariant(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static string SymbolFor(string currency, CultureInfo culture)
    {
        if (!culture.IsNeutralCulture && !Equals(culture, CultureInfo.InvariantCulture))
        {
            try
            {
                if (new RegionInfo(culture.Name).ISOCurrencySymbol.Equals(currency, StringComparison.OrdinalIgnoreCase))
                {
                    return culture.NumberFormat.CurrencySymbol;
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region: fall through to the table.
            }
        }

        return s_symbols.TryGetValue(currency, out var symbol) ? symbol : currency.ToUpperInvariant();
    }
}
