using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Limits;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Catalogue;

public sealed class CatalogueResponderTests
{
    private const string Number = "106540352242922";

    private static CatalogueResponder Responder(CatalogueIndex? index = null) => new(new FixedIndexProvider(index ?? TestCatalogues.French));

    private static CatalogueRequest French(string query, string? catalogId = null) => new(Number, query, TestCatalogues.FrenchSettings(catalogId));

    [Fact]
    public async Task Search_OneHitWithoutCatalog_SendsATextCardInTheBusinessCulture()
    {
        var replies = await Responder().SearchAsync(French("galette"), TestContext.Current.CancellationToken);

        // Galette des rois is out of stock: the card carries the "Notify me" button, in French.
        var card = Assert.IsType<ButtonsBody>(Assert.Single(replies));
        Assert.StartsWith("*Galette des rois*", card.Text, StringComparison.Ordinal);
        Assert.Contains(18.00m.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), card.Text, StringComparison.Ordinal);
        Assert.Contains("18,00", card.Text, StringComparison.Ordinal);
        Assert.Contains("Épuisé", card.Text, StringComparison.Ordinal);
        Assert.Equal(new ReplyButton("restock:GAL-001", "Prévenez-moi"), Assert.Single(card.Buttons));
        Assert.True(card.Text.Length <= WhatsAppLimits.InteractiveBody);
    }

    [Fact]
    public async Task Search_InStockHitWithoutCatalog_SendsAPlainCard()
    {
        var replies = await Responder().SearchAsync(French("TAR-001"), TestContext.Current.CancellationToken);

        var card = Assert.IsType<TextBody>(Assert.Single(replies));
        Assert.Contains("En stock", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OutOfStockInEnglish_LabelsTheButtonNotifyMe()
    {
        var english = new CatalogueRequest(Number, "galette", TestCatalogues.FrenchSettings() with { Culture = "en-GB" });

        var replies = await Responder().SearchAsync(english, TestContext.Current.CancellationToken);

        var card = Assert.IsType<ButtonsBody>(Assert.Single(replies));
        Assert.Equal(new ReplyButton("restock:GAL-001", "Notify me"), Assert.Single(card.Buttons));
    }

    [Fact]
    public async Task Search_OutOfStockWithLongDescription_KeepsTheOfferWithinTheBodyLimit()
    {
        var index = CatalogueIndex.Build([TestCatalogues.Make("LONG-1", "Gâteau géant", "Gâteaux", 30m, inStock: false, description: new string('x', 1000)) with { Link = "https://example.com/" + new string('y', 200) }]);

        var replies = await Responder(index).SearchAsync(French("LONG-1"), TestContext.Current.CancellationToken);

        var card = Assert.IsType<ButtonsBody>(Assert.Single(replies));
        Assert.True(card.Text.Length <= WhatsAppLimits.InteractiveBody, $"{card.Text.Length} characters");
        Assert.EndsWith(CatalogueTexts.French.RestockOffer, card.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GAL-001", "subscribe")]
    [InlineData("TAR-001", "in stock")]
    [InlineData("NOPE-404", "unknown")]
    public async Task Restock_Product_AnswersByAvailability(string sku, string expected)
    {
        var answer = await Responder().RestockAsync(French(sku), sku, 30, TestContext.Current.CancellationToken);

        var verdict = answer.Product switch { null => "unknown", { InStock: true } => "in stock", _ => "subscribe" };
        Assert.Equal(expected, verdict);
        var text = answer.Bodies[0] switch { TextBody t => t.Text, ButtonsBody b => b.Text, var other => other.ToString() };
        Assert.Contains(expected switch { "subscribe" => "30 jours", "in stock" => "En stock", _ => "Rien trouvé" }, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SeveralHitsWithoutCatalog_SendsAListWithinMetaLimits()
    {
        var replies = await Responder().SearchAsync(French("viennoiseries"), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ListBody>(Assert.Single(replies));
        var rows = list.Sections.SelectMany(section => section.Rows).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, row => Assert.StartsWith(CatalogueRowIds.ProductPrefix, row.Id, StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Description!.Contains("1,20", StringComparison.Ordinal));
        AssertWithinLimits(list);
    }

    [Fact]
    public async Task Search_ManyHitsWithoutCatalog_ShowsTenRowsAndSaysHowManyMore()
    {
        var index = CatalogueIndex.Build(Enumerable.Range(1, 25).Select(i =>
            TestCatalogues.Make($"T{i:00}", $"Tarte numéro {i} avec un titre beaucoup trop long", "Tartes", i, description: new string('x', 200))));

        var replies = await Responder(index).SearchAsync(French("tartes"), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ListBody>(Assert.Single(replies));
        Assert.Equal(10, list.Sections.Sum(section => section.Rows.Count));
        Assert.Contains("25", list.Footer, StringComparison.Ordinal);
        AssertWithinLimits(list);
    }

    [Fact]
    public async Task Search_OneHitWithCatalog_SendsASingleProduct()
    {
        var replies = await Responder().SearchAsync(French("TAR-001", catalogId: "cat-1"), TestContext.Current.CancellationToken);

        Assert.Equal(new ProductBody("cat-1", "TAR-001"), Assert.Single(replies));
    }

    [Fact]
    public async Task Search_OneOutOfStockHitWithCatalog_SaysSo()
    {
        var replies = await Responder().SearchAsync(French("galette", catalogId: "cat-1"), TestContext.Current.CancellationToken);

        Assert.Equal(2, replies.Count);
        var product = Assert.IsType<ProductBody>(replies[0]);
        Assert.Contains("Épuisé", product.Text, StringComparison.Ordinal);
        // A catalogue message carries no reply buttons: the offer follows in its own message.
        var offer = Assert.IsType<ButtonsBody>(replies[1]);
        Assert.Equal("restock:GAL-001", Assert.Single(offer.Buttons).Id);
    }

    [Fact]
    public async Task Search_SeveralHitsWithCatalog_SendsAProductListBySection()
    {
        var replies = await Responder().SearchAsync(French("chocolat", catalogId: "cat-1"), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ProductListBody>(Assert.Single(replies));
        Assert.Equal("cat-1", list.CatalogId);
        Assert.False(string.IsNullOrWhiteSpace(list.Header));
        Assert.Equal(["ECL-002", "GAT-001", "PAC-001"], list.Sections.SelectMany(section => section.ProductRetailerIds).Order());
        Assert.Contains("Éclair au chocolat", list.Text, StringComparison.Ordinal);
        Assert.Equal(list.Sections.Count, list.Sections.Select(section => section.Title).Distinct().Count());
    }

    [Fact]
    public async Task Search_HugeResultWithCatalog_StaysWithinThirtyProductsAndTenSections()
    {
        var index = CatalogueIndex.Build(Enumerable.Range(1, 80).Select(i =>
            TestCatalogues.Make($"C{i:00}", $"Cookie {i}", $"Collection {i % 15}", i)));

        var replies = await Responder(index).SearchAsync(French("cookies", catalogId: "cat-1"), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ProductListBody>(Assert.Single(replies));
        Assert.Equal(30, list.Sections.Sum(section => section.ProductRetailerIds.Count));
        Assert.InRange(list.Sections.Count, 1, 10);
        Assert.All(list.Sections, section => Assert.InRange(section.Title.Length, 1, WhatsAppLimits.SectionTitle));
        Assert.InRange(list.Header.Length, 1, WhatsAppLimits.Header);
        Assert.InRange(list.Text.Length, 1, WhatsAppLimits.InteractiveBody);
        Assert.InRange(list.Footer!.Length, 1, WhatsAppLimits.Footer);
    }

    [Fact]
    public async Task Search_NoHit_SendsTheNoMatchText()
    {
        var replies = await Responder().SearchAsync(French("trottinettes"), TestContext.Current.CancellationToken);

        Assert.Equal(new TextBody("Rien trouvé, désolé."), Assert.Single(replies));
    }

    [Fact]
    public async Task Search_NoHitAndNoText_SendsTheDefaultInTheBusinessLanguage()
    {
        var request = new CatalogueRequest(Number, "scooters", TestCatalogues.EnglishSettings());

        var replies = await Responder(TestCatalogues.English).SearchAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(CatalogueTexts.English.NoMatch, Assert.IsType<TextBody>(Assert.Single(replies)).Text);
    }

    [Fact]
    public async Task Search_EmptyQuery_ListsTheCollections()
    {
        var replies = await Responder().SearchAsync(French("  "), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ListBody>(Assert.Single(replies));
        Assert.Equal(
            ["Pâtisseries", "Viennoiseries", "Gâteaux", "Pains"],
            list.Sections.SelectMany(section => section.Rows).Select(row => row.Title));
        AssertWithinLimits(list);
    }

    [Fact]
    public async Task Search_EmptyQueryWithFifteenCollections_ListsTen()
    {
        var index = CatalogueIndex.Build(Enumerable.Range(1, 15).Select(i => TestCatalogues.Make($"P{i}", $"Produit {i}", $"Collection {i}")));

        var replies = await Responder(index).SearchAsync(French(""), TestContext.Current.CancellationToken);

        AssertWithinLimits(Assert.IsType<ListBody>(Assert.Single(replies)));
    }

    [Fact]
    public async Task Search_EmptyQueryWithoutCollections_ListsTheFirstProductsInStockFirst()
    {
        var index = CatalogueIndex.Build([TestCatalogues.Make("A", "Épuisé", inStock: false), TestCatalogues.Make("B", "Pain")]);

        var replies = await Responder(index).SearchAsync(French(""), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ListBody>(Assert.Single(replies));
        Assert.Equal(CatalogueTexts.French.ResultsHeader, list.Text);
        Assert.Equal([CatalogueRowIds.ForProduct("B"), CatalogueRowIds.ForProduct("A")], list.Sections.SelectMany(section => section.Rows).Select(row => row.Id));
    }

    [Fact]
    public async Task Search_EmptyCatalogue_SendsTheNoMatchText()
    {
        var replies = await Responder(CatalogueIndex.Empty).SearchAsync(French(""), TestContext.Current.CancellationToken);

        Assert.Equal(new TextBody("Rien trouvé, désolé."), Assert.Single(replies));
    }

    [Fact]
    public async Task TryAnswer_PickedProductRow_SendsItsCard()
    {
        var replies = await Responder().TryAnswerAsync(French(CatalogueRowIds.ForProduct("CRO-002")), TestContext.Current.CancellationToken);

        Assert.StartsWith("*Croissant aux amandes*", Assert.IsType<TextBody>(Assert.Single(replies!)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAnswer_PickedCollectionRow_SendsItsProducts()
    {
        var replies = await Responder().TryAnswerAsync(French(CatalogueRowIds.ForCollection("Pains")), TestContext.Current.CancellationToken);

        var list = Assert.IsType<ListBody>(Assert.Single(replies!));
        Assert.Equal(
            [CatalogueRowIds.ForProduct("BAG-001"), CatalogueRowIds.ForProduct("PCP-001")],
            list.Sections.SelectMany(section => section.Rows).Select(row => row.Id));
    }

    [Theory]
    [InlineData("BRI-001")]
    [InlineData("je voudrais une brioche tressée")]
    public async Task TryAnswer_SkuOrNamedProduct_Answers(string text)
    {
        var replies = await Responder().TryAnswerAsync(French(text), TestContext.Current.CancellationToken);

        Assert.StartsWith("*Brioche tressée*", Assert.IsType<TextBody>(Assert.Single(replies!)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("avez-vous des trottinettes ?")]
    [InlineData("Bonjour, à quelle heure ouvrez-vous ?")]
    [InlineData("")]
    public async Task TryAnswer_NothingNamed_ReturnsNull(string text)
    {
        Assert.Null(await Responder().TryAnswerAsync(French(text), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnswerOrder_SummarisesItemsTotalAndUnknownSkus()
    {
        var order = new Frontdesk.Core.Webhooks.Events.OrderContent("cat-1", null,
        [
            new("CRO-001", 3, 1.20m, "EUR"),
            new("ZZZ-999", 1, 5.00m, "EUR"),
        ]);

        var replies = await Responder().AnswerOrderAsync(French("", catalogId: "cat-1"), order, TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextBody>(Assert.Single(replies)).Text;
        var fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        Assert.StartsWith("Merci, commande reçue.", text, StringComparison.Ordinal);
        Assert.Contains($"3 × Croissant au beurre ({1.20m.ToString("C", fr)}) : {3.60m.ToString("C", fr)}", text, StringComparison.Ordinal);
        Assert.Contains("ZZZ-999 (produit inconnu)", text, StringComparison.Ordinal);
        Assert.Contains($"Total : {8.60m.ToString("C", fr)}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerOrder_MixedCurrencies_TotalsEachCurrency()
    {
        var order = new Frontdesk.Core.Webhooks.Events.OrderContent(null, null,
        [
            new("SHO-RED", 2, 89m, "USD"),
            new("TSH-001", 1, 15m, "GBP"),
        ]);
        var request = new CatalogueRequest(Number, "", TestCatalogues.EnglishSettings());

        var replies = await Responder(TestCatalogues.English).AnswerOrderAsync(request, order, TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextBody>(Assert.Single(replies)).Text;
        Assert.StartsWith(CatalogueTexts.English.OrderThanks, text, StringComparison.Ordinal);
        Assert.Contains("2 × Red running shoes ($89.00): $178.00", text, StringComparison.Ordinal);
        Assert.Contains("Total: $178.00", text, StringComparison.Ordinal);
        Assert.Contains("Total: £15.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerOrder_HugeCart_StillFitsOneTextWithTheTotal()
    {
        var items = Enumerable.Range(0, 400).Select(i => new Frontdesk.Core.Webhooks.Events.OrderItem($"UNKNOWN-{i:000}-{new string('x', 20)}", 1, 1m, "EUR")).ToList();

        var replies = await Responder().AnswerOrderAsync(French(""), new(null, null, items), TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextBody>(Assert.Single(replies)).Text;
        Assert.InRange(text.Length, 1, WhatsAppLimits.TextBody);
        Assert.Contains("400,00", text, StringComparison.Ordinal);
    }

    private static void AssertWithinLimits(ListBody list)
    {
        var rows = list.Sections.SelectMany(section => section.Rows).ToList();
        Assert.InRange(rows.Count, 1, WhatsAppLimits.MaxListRows);
        Assert.InRange(list.Sections.Count, 1, 10);
        Assert.InRange(list.ButtonLabel.Length, 1, WhatsAppLimits.ListButton);
        Assert.InRange(list.Text.Length, 1, WhatsAppLimits.TextBody);
        Assert.All(list.Sections, section => Assert.InRange(section.Title?.Length ?? 0, 0, WhatsAppLimits.SectionTitle));
        Assert.All(rows, row =>
        {
            Assert.InRange(row.Id.Length, 1, CatalogueRowIds.MaxLength);
            Assert.InRange(row.Title.Length, 1, WhatsAppLimits.RowTitle);
            Assert.InRange(row.Description?.Length ?? 0, 0, WhatsAppLimits.RowDescription);
        });
        Assert.Equal(rows.Count, rows.Select(row => row.Id).Distinct().Count());
        Assert.InRange(list.Footer?.Length ?? 0, 0, WhatsAppLimits.Footer);
    }
}
