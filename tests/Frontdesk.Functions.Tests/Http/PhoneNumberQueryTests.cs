using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Frontdesk.Functions.Tests.Http;

public sealed class PhoneNumberQueryTests
{
    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void TryRead_APhoneNumberId_GivesItTrimmed()
    {
        Assert.True(PhoneNumberQuery.TryRead(Request("?phoneNumberId=%20106540352242922%20"), "templates to check", "templates are checked", out var number, out var problem));
        Assert.Equal("106540352242922", number);
        Assert.Null(problem);
    }

    [Fact]
    public void TryRead_Missing_Answers400SayingWhatToAdd()
    {
        Assert.False(PhoneNumberQuery.TryRead(Request(""), "templates to check", "templates are checked", out var number, out var problem));

        Assert.Null(number);
        Assert.Equal("Add ?phoneNumberId=<the WhatsApp phone_number_id> of the number whose templates to check.", ProblemAssert.Detail(400, problem));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("12ab")]
    public void TryRead_NotANumber_Answers400SayingItIsPerNumber(string given)
    {
        Assert.False(PhoneNumberQuery.TryRead(Request("?phoneNumberId=" + given), "components to publish", "components are published", out _, out var problem));

        var detail = ProblemAssert.Detail(400, problem);
        Assert.StartsWith("phoneNumberId must be ", detail, StringComparison.Ordinal);
        Assert.EndsWith("components are published per number (rows under 'default' apply to every number).", detail, StringComparison.Ordinal);
    }
}
