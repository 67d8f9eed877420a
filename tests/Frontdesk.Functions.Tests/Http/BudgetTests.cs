using Frontdesk.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Tests.Http;

public sealed class BudgetTests
{
    [Fact]
    public async Task Work_OverItsBudget_Answers503AndIsCancelled()
    {
        var cancelled = new TaskCompletionSource();

        var result = await Budget.RunAsync(
            TimeSpan.FromMilliseconds(50),
            async token =>
            {
                token.Register(() => cancelled.TrySetResult());
                await Task.Delay(Timeout.Infinite, token);
                return new OkResult();
            },
            TestContext.Current.CancellationToken);

        Assert.Contains("budget", ProblemAssert.Detail(503, result), StringComparison.Ordinal);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Work_IgnoringItsToken_StillAnswers503WhenTheBudgetRunsOut()
    {
        var release = new TaskCompletionSource<IActionResult>();

        var result = await Budget.RunAsync(TimeSpan.FromMilliseconds(50), _ => release.Task, TestContext.Current.CancellationToken);

        ProblemAssert.Is(503, result);
        release.SetResult(new OkResult());
    }

    [Fact]
    public async Task Work_WithinItsBudget_IsAnsweredAsIs()
    {
        var result = await Budget.RunAsync(TimeSpan.FromSeconds(30), _ => Task.FromResult<IActionResult>(new OkResult()), TestContext.Current.CancellationToken);

        Assert.IsType<OkResult>(result);
    }
}
