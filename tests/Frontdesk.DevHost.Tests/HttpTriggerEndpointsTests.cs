using Frontdesk.DevHost.Triggers;

namespace Frontdesk.DevHost.Tests;

public sealed class HttpTriggerEndpointsTests
{
    [Theory]
    [InlineData("admin/validate")]
    [InlineData("Admin")]
    [InlineData("runtime/webhooks/x")]
    public void EnsureNotReserved_HostRoutes_FailLikeTheFunctionsHost(string route)
    {
        var error = Assert.Throws<InvalidOperationException>(() => HttpTriggerEndpoints.EnsureNotReserved("F", route));

        Assert.Contains("conflicts with one or more built in routes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook")]
    [InlineData("manage/validate")]
    public void EnsureNotReserved_OtherRoutes_Pass(string route)
    {
        var error = Record.Exception(() => HttpTriggerEndpoints.EnsureNotReserved("F", route));

        Assert.Null(error);
    }
}
