using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Tests.Conversations;

public sealed class EchoRulesTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static readonly BusinessSettings s_settings = new()
    {
        HumanPauseHours = 12,
        BusinessAppAutoTexts = ["Thanks for contacting Demo Bakery! We will reply soon.", "We are away right now."],
    };

    private static MessageEcho Echo(InboundContent content, string type = "text") => new()
    {
        PhoneNumberId = "200000000000001",
        To = "15550199991",
        Id = "wamid.ECHO",
        Timestamp = s_at,
        Type = type,
        Content = content,
    };

    [Theory]
    [InlineData("#bot off 4h", 4 * 60)]
    [InlineData("#BOT OFF 30m", 30)]
    [InlineData("#bot off 2 days", 2 * 24 * 60)]
    [InlineData("  #bot off 3  ", 3 * 60)]
    public void BotOff_WithDuration_PausesForIt(string text, int minutes)
    {
        var verdict = EchoRules.Classify(Echo(new TextContent(text)), s_settings, s_at);

        Assert.Equal(EchoKind.BotOff, verdict.Kind);
        Assert.Equal(s_at.AddMinutes(minutes), verdict.PauseUntil);
    }

    [Fact]
    public void BotOff_WithoutDuration_PausesUntilBotOn()
    {
        var verdict = EchoRules.Classify(Echo(new TextContent("#bot off")), s_settings, s_at);

        Assert.Equal((EchoKind.BotOff, EchoRules.Indefinitely), (verdict.Kind, verdict.PauseUntil));
    }

    [Fact]
    public void BotOn_Resumes()
    {
        Assert.Equal(EchoKind.BotOn, EchoRules.Classify(Echo(new TextContent("#Bot on!")), s_settings, s_at).Kind);
    }

    [Theory]
    [InlineData("thanks for contacting demo bakery!  we will reply soon")]
    [InlineData("We are AWAY right now")]
    public void BusinessAppAutoText_IsNotAPerson(string text)
    {
        Assert.Equal(EchoKind.AppAutomation, EchoRules.Classify(Echo(new TextContent(text)), s_settings, s_at).Kind);
    }

    [Theory]
    [InlineData("Hi Alice, your cake is ready")]
    [InlineData("#bot please stop")]
    [InlineData("We are away right now, but I can help")]
    public void AnythingElse_IsAPersonAndPausesForHumanPauseHours(string text)
    {
        var verdict = EchoRules.Classify(Echo(new TextContent(text)), s_settings, s_at);

        Assert.Equal((EchoKind.Human, s_at.AddHours(12)), (verdict.Kind, verdict.PauseUntil));
    }

    [Fact]
    public void APhotoFromTheOwner_IsAPerson_AndHumanPauseHoursZeroPausesNothing()
    {
        var photo = Echo(new MediaContent("image", "m", "image/jpeg", null), "image");

        Assert.Equal(EchoKind.Human, EchoRules.Classify(photo, s_settings, s_at).Kind);
        Assert.Null(EchoRules.Classify(photo, s_settings with { HumanPauseHours = 0 }, s_at).PauseUntil);
    }
}
