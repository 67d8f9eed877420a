using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Tests.Catalogue;

/// <summary>The catalogue's small text helpers: one-edit distance, stop words, prices, truncation.</summary>
public sealed class CatalogueTextTests
{
    [Theory]
    [InlineData("croissant", "croisant", true)]
    [InlineData("croissant", "croissnat", true)]
    [InlineData("croissant", "croissaント", false)]
    [InlineData("chocolat", "chocolats", true)]
    [InlineData("chocolat", "chocolat", true)]
    [InlineData("chocolat", "hcocolta", false)]
    [InlineData("tarte", "tatre", true)]
    [InlineData("tarte", "trtae", false)]
    public void OneEdit_AllowsExactlyOneEdit(string a, string b, bool expected)
    {
        Assert.Equal(expected, OneEdit.Within(a, b));
        Assert.Equal(expected, OneEdit.Within(b, a));
    }

    [Theory]
    [InlineData("fr-FR", "des", true)]
    [InlineData("fr-FR", "the", true)]
    [InlineData("en-GB", "des", true)]
    [InlineData("en-GB", "you", true)]
    [InlineData("fr-FR", "galette", false)]
    [InlineData("en-GB", "croissant", false)]
    [InlineData("xx-unknown", "of", true)]
    public void StopWords_EveryKnownLanguageForEveryBusiness(string culture, string word, bool expected)
    {
        Assert.Equal(expected, StopWords.For(culture).Contains(word));
    }

    [Theory]
    [InlineData("fr-FR", 12.5, "EUR", "12,50 €")]
    [InlineData("en-US", 12.5, "USD", "$12.50")]
    [InlineData("en-GB", 3, "GBP", "£3.00")]
    public void PriceFormatter_UsesTheBusinessCulture(string culture, double price, string currency, string expected)
    {
        var formatted = PriceFormatter.Format((decimal)price, currency, System.Globalization.CultureInfo.GetCultureInfo(culture));

        // .NET separates the French amount from its symbol with a no-break space; compare on plain spaces.
        Assert.Equal(expected, formatted.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void Truncate_KeepsTheLimitWithAnEllipsis()
    {
        Assert.Equal("Croissant au beurre AOP…", WhatsAppLimits.Truncate("Croissant au beurre AOP de Charentes", 24));
        Assert.Equal(24, WhatsAppLimits.Truncate("Croissant au beurre AOP de Charentes", 24).Length);
    }
}
