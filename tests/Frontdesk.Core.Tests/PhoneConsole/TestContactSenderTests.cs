using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Frontdesk.Core.Tests.PhoneConsole;

public sealed class TestContactSenderTests
{
    private readonly Mock<IWhatsAppSender> _graph = new(MockBehavior.Strict);
    private readonly Mock<IConsoleOutbox> _outbox = new(MockBehavior.Strict);

    private TestContactSender Sender() =>
        new(_graph.Object, _outbox.Object, Options.Create(new PhoneConsoleOptions()), NullLogger<TestContactSender>.Instance);

    private static OutboundMessage To(string waId, OutboundBody? body = null) => new()
    {
        IdempotencyKey = "wamid.IN:1",
        PhoneNumberId = "200000000000001",
        To = waId,
        Kind = ReplyKind.Rule,
        Body = body ?? new TextBody("We open at 8."),
    };

    [Fact]
    public async Task SendAsync_TestContact_IsStoredAndNeverSent()
    {
        var message = To("999123456789");
        _outbox.Setup(o => o.StoreAsync(message, "wamid.CONSOLE.wamid.IN:1", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask).Verifiable();

        var result = await Sender().SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal("wamid.CONSOLE.wamid.IN:1", result.WamId);
        _outbox.Verify();
        _graph.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendAsync_RealCustomer_GoesToTheRealSender()
    {
        var message = To("15550199991");
        _graph.Setup(g => g.SendAsync(message, It.IsAny<CancellationToken>())).ReturnsAsync(GraphSendResult.Accepted("wamid.META")).Verifiable();

        var result = await Sender().SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal("wamid.META", result.WamId);
        _graph.Verify();
        _outbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendAsync_BodyMetaWouldRefuse_IsRefusedForTestContactsToo()
    {
        var tooMany = new ButtonsBody("Pick one", [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")]);

        var result = await Sender().SendAsync(To("999123456789", tooMany), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.StartsWith("not sent: ", result.Reason, StringComparison.Ordinal);
        _outbox.VerifyNoOtherCalls();
        _graph.VerifyNoOtherCalls();
    }
}
