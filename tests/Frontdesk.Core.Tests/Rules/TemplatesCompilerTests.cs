using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

public sealed class TemplatesCompilerTests
{
    private static TableRow Template(string purpose, params (string Name, object? Value)[] columns) => Rows.Row(RuleTable.Templates, purpose, columns);

    private static TableRow BackInStock(string name = "back_in_stock") => Template("back-in-stock",
        ("Name", name), ("Language", "fr"), ("Category", "utility"), ("BodyParameters", "{{name}}, {{product}}, {{price}}"));

    private static IEnumerable<RuleProblem> TemplateProblems(RuleBook book) => book.Problems.Where(p => p.Table == nameof(RuleTable.Templates));

    [Fact]
    public void Compile_WellFormedRow_IsTheTemplateOfItsPurpose()
    {
        var book = Rows.Compile(Template("back-in-stock",
            ("name", " back_in_stock "), ("LANGUAGE", "fr"), ("category", "Utility"), ("BodyParameters", "{{name}}, {{ Product }}, price"),
            ("HeaderImage", "Product"), ("ButtonUrlSuffix", "{{sku}}")));

        var template = book.Templates["Back-In-Stock"];

        Assert.Empty(book.Problems);
        Assert.Equal(("back_in_stock", "fr", TemplateCategory.Utility), (template.Name, template.Language, template.Category));
        Assert.Equal(["name", "product", "price"], template.BodyParameters.Select(v => v.Key));
        Assert.True(template.HeaderImageIsProduct);
        Assert.Equal("sku", template.ButtonUrlSuffix!.Variable!.Key);
    }

    [Theory]
    [InlineData("en-us", "en_US")]
    [InlineData("PT_br", "pt_BR")]
    [InlineData(" fr ", "fr")]
    public void Compile_LanguageTypedLoosely_IsMetasCode(string typed, string code)
    {
        var book = Rows.Compile(Template("promo", ("Name", "promo"), ("Language", typed), ("Category", "marketing")));

        Assert.Equal(code, book.Templates["promo"].Language);
    }

    [Fact]
    public void Compile_CallerParameter_IsAcceptedWithItsPrefix()
    {
        var book = Rows.Compile(Template("menu", ("Name", "new_menu"), ("Language", "fr"), ("Category", "marketing"), ("BodyParameters", "{{name}}, {{param.offer}}")));

        Assert.Equal(["name", "offer"], book.Templates["menu"].BodyParameters.Select(v => v.Key));
        Assert.Equal("{{param.offer}}", book.Templates["menu"].BodyParameters[1].ToString());
    }

    [Theory]
    [InlineData("Name", "", "Name (Meta's template name) is empty")]
    [InlineData("Language", "french", "Language 'french' is not a language code")]
    [InlineData("Category", "authentication", "Category 'authentication' is not utility or marketing")]
    [InlineData("Category", "", "Category is empty")]
    [InlineData("BodyParameters", "{{name}}, {{nmae}}", "{{nmae}} is not a known variable")]
    [InlineData("BodyParameters", "{{name}}, {{two words}}", "is not a variable")]
    [InlineData("HeaderImage", "logo", "HeaderImage 'logo' is not 'product'")]
    [InlineData("ButtonUrlSuffix", "{{skuu}}", "{{skuu}} is not a known variable")]
    public void Compile_BadColumn_SkipsTheRowNamingTableKeysAndColumn(string column, string value, string expected)
    {
        var columns = new Dictionary<string, object?>
        {
            ["Name"] = "back_in_stock", ["Language"] = "fr", ["Category"] = "utility", ["BodyParameters"] = "{{name}}",
        };
        columns[column] = value;

        var book = Rows.Compile(new TableRow(RuleTable.Templates, Rows.Number, "back-in-stock", columns));

        Assert.Empty(book.Templates);
        var problem = Assert.Single(TemplateProblems(book));
        Assert.Equal((nameof(RuleTable.Templates), Rows.Number, "back-in-stock", column), (problem.Table, problem.PartitionKey, problem.RowKey, problem.Column));
        Assert.Contains(expected, problem.Problem, StringComparison.Ordinal);
        Assert.EndsWith("template skipped", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NumberRow_OverridesTheDefaultRowOfItsPurpose()
    {
        var book = Rows.Compile(BackInStock("default_template").InDefault(), BackInStock("own_template"), Template("promo", ("Name", "promo"), ("Language", "fr"), ("Category", "marketing")).InDefault());

        Assert.Equal("own_template", book.Templates["back-in-stock"].Name);
        Assert.Equal("promo", book.Templates["promo"].Name);
        Assert.Equal("default", book.Templates["promo"].PartitionKey);
    }
}
