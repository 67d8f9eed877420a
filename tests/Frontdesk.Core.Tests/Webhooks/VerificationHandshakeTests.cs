using Frontdesk.Core.Webhooks;

namespace Frontdesk.Core.Tests.Webhooks;

public sealed class VerificationHandshakeTests
{
    [Fact]
    public void Answer_RightModeAndToken_ReturnsChallengeUnchanged()
    {
        Assert.Equal("1158201444", VerificationHandshake.Answer("subscribe", "my-token", "1158201444", "my-token"));
    }

    [Theory]
    [InlineData("subscribe", "wrong", "1")]
    [InlineData("subscribe", "my-toke", "1")]
    [InlineData("subscribe", "my-token ", "1")]
    [InlineData("unsubscribe", "my-token", "1")]
    [InlineData(null, "my-token", "1")]
    [InlineData("subscribe", null, "1")]
    [InlineData("subscribe", "my-token", null)]
    public void Answer_AnythingElse_Refuses(string? mode, string? token, string? challenge)
    {
        Assert.Null(VerificationHandshake.Answer(mode, token, challenge, "my-token"));
    }

    [Fact]
    public void Answer_NoTokenConfigured_RefusesEvenAnEmptyToken()
    {
        Assert.Null(VerificationHandshake.Answer("subscribe", "", "1", ""));
    }
}
