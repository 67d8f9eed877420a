using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Tests.Catalogue;

public sealed class CatalogueMemoryBudgetTests
{
    [Fact]
    public void Admit_PastTheBound_EvictsTheLeastRecentlyUsedFirst()
    {
        var budget = new CatalogueMemoryBudget(100);
        budget.Admit("a", 40);
        budget.Admit("b", 40);
        budget.Touch("a");

        var evicted = budget.Admit("c", 40);

        Assert.Equal(["b"], evicted.Select(eviction => eviction.Key));
        Assert.Equal(80, budget.TotalBytes);
        Assert.Equal(new CatalogueEviction("b", 40, 80, 100), evicted[0]);
    }

    [Fact]
    public void Admit_OneCatalogueOverTheBound_KeepsItAlone()
    {
        var budget = new CatalogueMemoryBudget(100);
        budget.Admit("a", 30);
        budget.Admit("b", 30);

        var evicted = budget.Admit("huge", 150);

        Assert.Equal(["a", "b"], evicted.Select(eviction => eviction.Key));
        Assert.Equal((1, 150L), (budget.Count, budget.TotalBytes));
    }

    [Fact]
    public void Admit_TheSameKeyAgain_ReplacesItsSize()
    {
        var budget = new CatalogueMemoryBudget(100);
        budget.Admit("a", 60);

        var evicted = budget.Admit("a", 70);

        Assert.Empty(evicted);
        Assert.Equal((1, 70L), (budget.Count, budget.TotalBytes));
    }

    [Fact]
    public async Task AdmitAndTouch_FromManyThreads_KeepTheTotalWithinTheBound()
    {
        var budget = new CatalogueMemoryBudget(1_000);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                budget.Admit($"n{(thread * 31 + i) % 50}", 10 + (i % 90));
                budget.Touch($"n{i % 50}");
            }
        }, TestContext.Current.CancellationToken)));

        Assert.InRange(budget.TotalBytes, 1, 1_000);
    }
}
