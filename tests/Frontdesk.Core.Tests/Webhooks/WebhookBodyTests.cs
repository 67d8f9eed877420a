using System.Text;
using Frontdesk.Core.Webhooks;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Webhooks;

public sealed class WebhookBodyTests
{
    public static TheoryData<string> Fixtures => new(WebhookFixtures.Names());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Classify_EveryFixture_IsWhatsApp(string name)
    {
        Assert.Equal(WebhookBodyKind.WhatsApp, WebhookBody.Classify(WebhookFixtures.Read(name), out _));
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[]}", "page")]
    [InlineData("{\"entry\":[]}", null)]
    [InlineData("{\"object\":42}", null)]
    public void Classify_OtherObjects_AreForeign(string body, string? objectName)
    {
        Assert.Equal(WebhookBodyKind.ForeignObject, WebhookBody.Classify(Encoding.UTF8.GetBytes(body), out var seen));
        Assert.Equal(objectName, seen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("[1,2]")]
    [InlineData("\"whatsapp_business_account\"")]
    [InlineData("{\"object\":\"whatsapp_business_account\"")]
    [InlineData("{\"object\":\"whatsapp_business_account\"} trailing")]
    [InlineData("{\"object\":\"whatsapp_business_account\",}")]
    public void Classify_NotAJsonObject_IsNotJson(string body)
    {
        Assert.Equal(WebhookBodyKind.NotJson, WebhookBody.Classify(Encoding.UTF8.GetBytes(body), out _));
    }
}
