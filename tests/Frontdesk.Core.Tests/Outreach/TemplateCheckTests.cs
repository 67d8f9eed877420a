using Frontdesk.Core.Outreach;
using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Graph;

namespace Frontdesk.Core.Tests.Outreach;

public sealed class TemplateCheckTests
{
    private static MessageTemplate Row(int parameters = 3, bool image = false, bool button = false, TemplateCategory category = TemplateCategory.Utility) =>
        new("back-in-stock", "back_in_stock", "fr", category, [.. Enumerable.Repeat(new TemplateVariable("name"), parameters)])
        {
            HeaderImageIsProduct = image,
            ButtonUrlSuffix = button ? new TemplateValue("sku-1", null) : null,
        };

    private static MetaTemplate Meta(int parameters = 3, bool image = false, bool button = false, string status = "APPROVED", string category = "UTILITY", string language = "fr") =>
        new("back_in_stock", language, status, category, parameters, image, button);

    [Fact]
    public void Compare_SameShapeApproved_IsOk()
    {
        var check = TemplateCheck.Compare([Row(image: true, button: true)], [Meta(language: "en_US"), Meta(image: true, button: true)]).Single();

        Assert.Equal((TemplateCheck.Ok, 3, 3), (check.State, check.RowBodyParameters, check.MetaBodyParameters));
        Assert.Empty(check.Problems);
    }

    [Fact]
    public void Compare_EveryDifference_IsListedNeverGuessed()
    {
        var check = TemplateCheck.Compare([Row(parameters: 2, image: true)], [Meta(parameters: 3, button: true, category: "MARKETING")]).Single();

        Assert.Equal(TemplateCheck.Mismatched, check.State);
        Assert.Equal(4, check.Problems.Count);
        Assert.Contains(check.Problems, p => p.Contains("expects 3 parameter(s); BodyParameters lists 2", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Contains("clear HeaderImage", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Contains("set ButtonUrlSuffix", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Contains("approved it as marketing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("REJECTED", "fr", "not-approved", "REJECTED")]
    [InlineData("APPROVED", "en_US", "missing", "in en_US, not in 'fr'")]
    public void Compare_NotUsable_SaysWhy(string status, string language, string state, string says)
    {
        var check = TemplateCheck.Compare([Row()], [Meta(status: status, language: language)]).Single();

        Assert.Equal(state, check.State);
        Assert.Contains(says, check.Problems.Single(), StringComparison.Ordinal);
    }
}
