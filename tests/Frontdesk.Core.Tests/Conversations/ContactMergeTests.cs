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
    public void Merge_RowWrittenByAnEarlierDecision_TakesTheDecisionsOptOut()
    {
        var decided = Decided(optedOut: true);
        var current = Decided(optedOut: false) with { LastInbound = s_decidedAt.AddSeconds(-1) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.True(merged.OptedOut);
    }

    [Fact]
    public void Merge_StaleDecisionThatLeftConsentAlone_KeepsAConcurrentStop()
    {
        var decided = Decided(optedOut: false);
        var current = Decided(optedOut: true) with { LastInbound = s_decidedAt.AddSeconds(-1) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt, consentBefore: false);

        Assert.True(merged.OptedOut);
    }

    [Fact]
    public void Merge_StaleDecisionThatLeftConsentAlone_KeepsAConcurrentStart()
    {
        var decided = Decided(optedOut: true);
        var current = Decided(optedOut: false) with { LastInbound = s_decidedAt.AddSeconds(-1) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt, consentBefore: true);

        Assert.False(merged.OptedOut);
    }

    [Fact]
    public void Merge_DecisionThatChangedConsent_WinsOverAnOlderRow()
    {
        var decided = Decided(optedOut: true);
        var current = Decided(optedOut: false) with { LastInbound = s_decidedAt.AddSeconds(-1) };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt, consentBefore: false);

        Assert.True(merged.OptedOut);
    }

    [Fact]
    public void Merge_DecisionThatChangedThePause_WinsOverAnOlderPause()
    {
        var decided = Decided(pausedUntil: s_decidedAt.AddHours(1)) with { PausedAt = s_decidedAt, PauseReason = "storm" };
        var current = Decided(pausedUntil: s_decidedAt.AddHours(24)) with { PausedAt = s_decidedAt.AddHours(-2), PauseReason = "handoff" };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal(s_decidedAt.AddHours(1), merged.BotPausedUntil);
        Assert.Equal("storm", merged.PauseReason);
        Assert.Equal(s_decidedAt, merged.PausedAt);
    }

    [Fact]
    public void Merge_EchoPausedTheRowAfterTheDecisionRead_KeepsThePause()
    {
        // The decision read the row before the owner's reply paused it; it did not touch the pause itself.
        var decided = Decided() with { PausedAt = null };
        var current = Decided(pausedUntil: s_decidedAt.AddHours(12), labels: ["human"]) with
        {
            LastInbound = s_decidedAt.AddMinutes(-1),
            PausedAt = s_decidedAt.AddSeconds(-10),
            PauseReason = "the owner answered",
        };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal(s_decidedAt.AddHours(12), merged.BotPausedUntil);
        Assert.Equal("the owner answered", merged.PauseReason);
        Assert.Contains("human", merged.Labels);
    }

    [Fact]
    public void Merge_PauseEditedInThePortal_SameStamp_TheRowWins()
    {
        var stamp = s_decidedAt.AddHours(-1);
        var decided = Decided(pausedUntil: s_decidedAt.AddHours(11)) with { PausedAt = stamp };
        var current = Decided(pausedUntil: null) with { PausedAt = stamp };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Null(merged.BotPausedUntil);
    }

    [Fact]
    public void Merge_RecentReplies_UnionOfBothDecisionsOneMarkPerMessage()
    {
        var decided = Decided() with { RecentReplies = [new ReplyMark(s_decidedAt, 2, "wamid.B"), new ReplyMark(s_decidedAt.AddSeconds(-5), 1, "wamid.A")] };
        var current = Decided() with { RecentReplies = [new ReplyMark(s_decidedAt.AddSeconds(-1), 3, "wamid.C"), new ReplyMark(s_decidedAt.AddSeconds(-5), 1, "wamid.A")] };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal(["wamid.B", "wamid.C", "wamid.A"], merged.RecentReplies.Select(m => m.MessageId));
        Assert.Equal(6, merged.RecentReplies.Sum(m => m.Count));
    }

    [Fact]
    public void Merge_Reaction_TheLaterOneWins_AndMarketingOptOutFollowsTheRow()
    {
        var decided = Decided() with { LastReaction = "👍", LastReactionAt = s_decidedAt, MarketingOptOut = false };
        var current = Decided() with { LastReaction = "❤️", LastReactionAt = s_decidedAt.AddMinutes(-3), MarketingOptOut = true };

        var merged = ContactMerge.Merge(decided, current, s_decidedAt);

        Assert.Equal("👍", merged.LastReaction);
        Assert.True(merged.MarketingOptOut);
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
