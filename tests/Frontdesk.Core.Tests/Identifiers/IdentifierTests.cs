using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Tests.Identifiers;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("106540352242922", "106540352242922")]
    [InlineData(" 123 ", "123")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void PhoneNumberId_Digits_Parse(string text, string expected)
    {
        Assert.True(PhoneNumberId.TryParse(text, out var id));
        Assert.Equal(expected, id.Value);
        Assert.False(id.IsDefault);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("' or 1 eq 1")]
    [InlineData("123' or PartitionKey ne '")]
    [InlineData("../123")]
    [InlineData("12/34")]
    [InlineData("123456789012345678901")]
    [InlineData("１２３")]
    [InlineData("default")]
    [InlineData("12\u000034")]
    public void PhoneNumberId_AnythingElse_IsRefused(string? text)
    {
        Assert.False(PhoneNumberId.TryParse(text, out var id));
        Assert.Equal(string.Empty, id.Value);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("DEFAULT")]
    [InlineData(" Default ")]
    public void PhoneNumberId_Partition_AcceptsDefaultInAnyCase(string text)
    {
        Assert.True(PhoneNumberId.TryParsePartition(text, out var id));
        Assert.True(id.IsDefault);
        Assert.Equal("default", id.Value);
    }

    [Fact]
    public void PhoneNumberId_Parse_RefusesWithTheFormatAndAShortQuote()
    {
        var error = Assert.Throws<FormatException>(() => PhoneNumberId.Parse(new string('x', 5000)));

        Assert.Contains("digits only", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200);
    }

    [Theory]
    [InlineData("15550199991", "15550199991")]
    [InlineData("+15550199991", "15550199991")]
    [InlineData("US.13491208655302741918", "US.13491208655302741918")]
    public void WaId_PhoneDigitsOrScopedUserId_Parse(string text, string expected)
    {
        Assert.True(WaId.TryParse(text, out var id));
        Assert.Equal(expected, id.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("../1")]
    [InlineData("1555 0199")]
    [InlineData("us.123")]
    [InlineData("US.")]
    [InlineData("US.12/3")]
    [InlineData("123456789012345678901")]
    public void WaId_AnythingElse_IsRefused(string? text)
    {
        Assert.False(WaId.TryParse(text, out _));
    }

    [Fact]
    public void WebhookIds_MalformedIdInAMessage_NamesTheFieldOnly()
    {
        var good = new InboundMessage
        {
            PhoneNumberId = "200000000000001", From = "15550199991", Id = "wamid.A", Timestamp = DateTimeOffset.UnixEpoch, Type = "text",
            Content = new TextContent("hi"),
        };

        Assert.Null(WebhookIds.Malformed(good));
        Assert.Equal("metadata.phone_number_id", WebhookIds.Malformed(good with { PhoneNumberId = "' or 1 eq 1" }));
        Assert.Equal("from", WebhookIds.Malformed(good with { From = "a/b" }));
        Assert.Equal("id", WebhookIds.Malformed(good with { Id = new string('w', 257) }));
        Assert.Equal("id", WebhookIds.Malformed(good with { Id = "wamid\n.A" }));
    }
}
