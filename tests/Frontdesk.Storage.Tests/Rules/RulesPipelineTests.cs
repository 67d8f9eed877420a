using Frontdesk.Core;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Storage.Contacts;
using Frontdesk.Storage.Rules;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Rules;

/// <summary>
/// The calls the inbox function makes, against real tables seeded with the demo business: read the rules and the
/// contact, decide, save the contact.
/// </summary>
public sealed class RulesPipelineTests(AzuriteFixture azurite)
{
    private const string Number = "15550001111";

    // Sunday 29 November 2026, 11:00 in Paris: the demo bakery is closed on Sundays.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static InboundMessage Text(string id, string body) => new()
    {
        PhoneNumberId = Number,
        From = "33600000001",
        ProfileName = "Anna",
        Id = id,
        Timestamp = DateTimeOffset.UnixEpoch,
        Type = "text",
        Content = new TextContent(body),
    };

    [Fact]
    public async Task ClosedDay_BringsTheAwayMessageOncePerCooldown()
    {
        var prefix = TestNames.Prefix();
        var tables = RuleTables.From(azurite.Tables, prefix);
        await new DemoBusinessSeeder(tables).SeedIfEmptyAsync(Cancel);
        var rules = new TableRuleSource(tables, _time, Options.Create(new FrontdeskOptions()), NullLogger<TableRuleSource>.Instance);
        var contacts = new ContactStore(azurite.Tables.GetTableClient(prefix + StorageNames.Tables.Contacts), NullLogger<ContactStore>.Instance);
        var engine = new ReplyEngine(_time, FixedIndexProvider.EmptyCatalogue());

        async Task<IReadOnlyList<ReplyKind>> Handle(InboundMessage message)
        {
            var book = await rules.GetRuleBookAsync(message.PhoneNumberId, Cancel);
            var stored = await contacts.GetAsync(message.PhoneNumberId, message.From, Cancel);
            var decision = await engine.DecideAsync(book, stored?.State, message, Cancel);
            Assert.NotNull(await contacts.TrySaveAsync(message.PhoneNumberId, message.From, decision.Contact, stored?.Version, Cancel));
            return [.. decision.Replies.Select(r => r.Kind)];
        }

        var first = await Handle(Text("w1", "Bonjour"));
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await Handle(Text("w2", "anyone there?"));
        _time.Advance(TimeSpan.FromMinutes(5));
        var rule = await Handle(Text("w3", "what is your address"));
        _time.Advance(TimeSpan.FromHours(24));
        var nextDay = await Handle(Text("w4", "hello again"));

        Assert.Equal([ReplyKind.Greeting, ReplyKind.Menu, ReplyKind.Away], first);
        Assert.Empty(second);
        Assert.Equal([ReplyKind.Rule], rule);
        Assert.Equal([ReplyKind.Fallback], nextDay); // Monday 11:00: open again
    }

    [Fact]
    public async Task Stop_SilencesTheContactAcrossMessages()
    {
        var prefix = TestNames.Prefix();
        var tables = RuleTables.From(azurite.Tables, prefix);
        await new DemoBusinessSeeder(tables).SeedIfEmptyAsync(Cancel);
        var rules = new TableRuleSource(tables, _time, Options.Create(new FrontdeskOptions()), NullLogger<TableRuleSource>.Instance);
        var contacts = new ContactStore(azurite.Tables.GetTableClient(prefix + StorageNames.Tables.Contacts), NullLogger<ContactStore>.Instance);
        var engine = new ReplyEngine(_time, FixedIndexProvider.EmptyCatalogue());
        var book = await rules.GetRuleBookAsync(Number, Cancel);

        var stop = await engine.DecideAsync(book, null, Text("w1", "STOP"), Cancel);
        await contacts.TrySaveAsync(Number, "33600000001", stop.Contact, null, Cancel);
        var stored = await contacts.GetAsync(Number, "33600000001", Cancel);
        var after = await engine.DecideAsync(book, stored!.State, Text("w2", "menu"), Cancel);

        Assert.Equal(ReplyKind.OptOut, Assert.Single(stop.Replies).Kind);
        Assert.True(stored.State.OptedOut);
        Assert.Empty(after.Replies);
    }
}
