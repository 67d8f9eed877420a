using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Core.Tests.Broadcasts;

public sealed class BroadcastKeysTests
{
    [Theory]
    [InlineData("noel-2026", true)]
    [InlineData("a.b_c-D9", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("has:colon", false)]
    [InlineData("../x", false)]
    [InlineData("' or 1 eq 1", false)]
    public void IsValidId_Text_Decides(string id, bool valid)
    {
        var result = BroadcastKeys.IsValidId(id);

        Assert.Equal(valid, result);
    }

    [Fact]
    public void TryParseCallback_OwnBroadcastCallback_GivesIdAndCustomer()
    {
        var callback = "frontdesk:" + BroadcastKeys.IdempotencyKey("noel-2026", "33612345678");

        var parsed = BroadcastKeys.TryParseCallback(callback, out var id, out var waId);

        Assert.True(parsed);
        Assert.Equal(("noel-2026", "33612345678"), (id, waId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("frontdesk:restock:SKU1:33612345678:2026")]
    [InlineData("broadcast:noel:33612345678")]
    [InlineData("frontdesk:broadcast:noel:not-a-wa-id")]
    [InlineData("frontdesk:broadcast::33612345678")]
    public void TryParseCallback_OtherData_IsNotABroadcast(string? callback)
    {
        var parsed = BroadcastKeys.TryParseCallback(callback, out _, out _);

        Assert.False(parsed);
    }
}
