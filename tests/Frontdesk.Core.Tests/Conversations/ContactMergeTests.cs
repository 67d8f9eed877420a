using Frontdesk.Core.Conversations;

namespace Frontdesk.Core.Tests.Conversations;

public sealed class ContactMergeTests
{
    private static readonly DateTimeOffset s_decidedAt = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static ContactState Decided(bool optedOut = false, DateTimeOffset? pausedUntil = null, IReadOnlyList<string>? labels = null) =>
        new("Anna", s_decidedAt.AddDays(-30), s_decidedAt, s_decidedAt, null, labels ?? [], optedOut, pausedUntil);

    [Fact]
    public void Merge_NoCurrentRow_ReturnsTheDecision()
    {
        var decided = Decided(optedOut: true, labels: ["vip"]);

        var merged = ContactMerge.Merge(decided, null, s_decidedAt);

        Assert.Same(decided, merged);
    }

    [Fact]
    public void Merge_Timestamps_OnlyMoveForwardAndFirstSeenOnlyBack()
    {
        var decided = Decided() with { FirstSeen = s_decidedAt.AddDays(-1), LastGreeting = s_decidedAt.AddDays(-2), LastAway = null };
        var current = Decided() with
        {
            FirstSeen = s_decidedAt.AddDays(-40),
            LastInbound = s_decidedAt.AddMinutes(-5),
            LastGreeting = s_decidedAt.AddHours(-1),
            LastAway = s_decidedAt.AddHours(-3),
        };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal(s_decidedAt.AddDays(-40), merged.FirstSeen);
        Assert.Equal(s_decidedAt, merged.LastInbound);
        Assert.Equal(s_decidedAt.AddHours(-1), merged.LastGreeting);
        Assert.Equal(s_decidedAt.AddHours(-3), merged.LastAway);
    }

    [Fact]
    public void Merge_Labels_UnionIgnoringCase()
    {
        var decided = Decided(labels: ["VIP", "ordered"]);
        var current = Decided(labels: ["vip", "lead"]) with { LastInbound = s_decidedAt.AddMinutes(-1) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal(3, merged.Labels.Count);
        Assert.Equal(["lead", "ordered", "vip"], merged.Labels.Select(l => l.ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_RowWrittenByAnEarlierDecision_TakesTheDecisionsOptOutAndPause()
    {
        var decided = Decided(optedOut: true, pausedUntil: null);
        var current = Decided(optedOut: false, pausedUntil: s_decidedAt.AddHours(4)) with { LastInbound = s_decidedAt.AddSeconds(-1) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.True(merged.OptedOut);
        Assert.Null(merged.BotPausedUntil);
    }

    [Fact]
    public void Merge_RowWrittenByALaterDecision_KeepsTheRowsOptOutAndPause()
    {
        // A redelivered decision, dispatched after the customer's next message was already decided and saved.
        var decided = Decided(optedOut: false, pausedUntil: null);
        var current = Decided(optedOut: true, pausedUntil: s_decidedAt.AddHours(4)) with { LastInbound = s_decidedAt.AddMinutes(2) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.True(merged.OptedOut);
        Assert.Equal(s_decidedAt.AddHours(4), merged.BotPausedUntil);
        Assert.Equal(s_decidedAt.AddMinutes(2), merged.LastInbound);
    }

    [Fact]
    public void Merge_RowClearedItsLastInbound_TakesTheDecisionsOptOut()
    {
        var decided = Decided(optedOut: true);
        var current = Decided(optedOut: false) with { LastInbound = null };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.True(merged.OptedOut);
    }

    [Fact]
    public void Merge_DecisionWithoutName_KeepsTheRowsName()
    {
        var decided = Decided() with { Name = null };
        var current = Decided() with { Name = "Anna B." };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal("Anna B.", merged.Name);
    }
}
