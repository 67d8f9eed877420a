using System.Collections.Concurrent;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Outreach;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// Business-initiated messages end to end: Azurite, DevHost (its queue pump runs the outreach sender) and the fake
/// Graph API. Two templates are set up under <c>default</c>: <c>back-in-stock</c> (utility) and <c>promo</c>
/// (marketing), and the Settings row's WabaId. Outreach is paced at <see cref="MessagesPerSecond"/> for the whole run.
/// </summary>
public sealed class OutreachPipelineFixture : IAsyncLifetime
{
    public const string Number = "106540352242922";
    public const int MessagesPerSecond = 4;
    public const string WabaId = "102290129340398";

    public AzuriteServer Azurite { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public DevHostRun Host { get; private set; } = null!;

    /// <summary>Every outcome the sender reported, by idempotency key.</summary>
    public RecordingOutcomeSink Outcomes { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
        var templates = new TableServiceClient(Azurite.ConnectionString).GetTableClient(StorageNames.Tables.Templates);
        await templates.CreateIfNotExistsAsync();
        await templates.AddEntityAsync(new TableEntity("default", "back-in-stock")
        {
            ["Name"] = "back_in_stock", ["Language"] = "fr", ["Category"] = "utility", ["BodyParameters"] = "{{name}}, {{product}}, {{price}}",
        });
        await templates.AddEntityAsync(new TableEntity("default", "promo")
        {
            ["Name"] = "winter_offer", ["Language"] = "fr", ["Category"] = "marketing", ["BodyParameters"] = "{{name}}, {{param.offer}}",
        });
        var settings = new TableServiceClient(Azurite.ConnectionString).GetTableClient(StorageNames.Tables.Settings);
        await settings.CreateIfNotExistsAsync();
        await settings.AddEntityAsync(new TableEntity("default", "business") { ["WabaId"] = WabaId });
        Host = await DevHostRun.StartAsync(
            Azurite,
            new Dictionary<string, string?>
            {
                ["WhatsApp:AccessToken"] = "test-access-token",
                ["WhatsApp:GraphBaseUrl"] = Graph.BaseUrl.ToString(),
                ["Outbound:MessagesPerSecond"] = MessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DevHost:SeedDemo"] = "false",
            },
            services => services.AddSingleton<IOutreachOutcomeSink>(Outcomes));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>Writes a contact whose last message was <paramref name="sinceLastInbound"/> ago.</summary>
    public async Task ContactAsync(string waId, TimeSpan sinceLastInbound, bool optedOut = false, bool marketingOptOut = false)
    {
        var store = Host.Services.GetRequiredService<IContactStore>();
        var state = ContactUpdater.Blank with
        {
            Name = "Élodie",
            LastInbound = DateTimeOffset.UtcNow - sinceLastInbound,
            OptedOut = optedOut,
            MarketingOptOut = marketingOptOut,
        };
        Assert.NotNull(await store.TrySaveAsync(Number, waId, state, null));
    }

    public Task EnqueueAsync(params OutreachMessage[] messages) =>
        Host.Services.GetRequiredService<IOutreachQueue>().EnqueueAsync(messages, MessagesPerSecond);

    public static OutreachMessage Restock(string waId, string created = "1") => new()
    {
        IdempotencyKey = $"restock:SKU-1:{waId}:{created}",
        PhoneNumberId = Number,
        To = waId,
        Purpose = "back-in-stock",
        Variables = new Dictionary<string, string> { ["product"] = "Croissant", ["price"] = "1,20 €" },
        FreeForm = new Core.WhatsApp.Messages.TextBody("Croissant is back in stock: 1,20 €"),
    };

    /// <summary>A recording <see cref="IOutreachOutcomeSink"/> the tests wait on.</summary>
    public sealed class RecordingOutcomeSink : IOutreachOutcomeSink
    {
        private readonly ConcurrentQueue<(string Key, OutreachOutcome Outcome, string? Detail)> _outcomes = new();

        public Task RecordAsync(OutreachMessage message, OutreachOutcome outcome, string? detail, CancellationToken cancellationToken = default)
        {
            _outcomes.Enqueue((message.IdempotencyKey, outcome, detail));
            return Task.CompletedTask;
        }

        public IReadOnlyList<(OutreachOutcome Outcome, string? Detail)> Of(string key) =>
            [.. _outcomes.Where(o => o.Key == key).Select(o => (o.Outcome, o.Detail))];

        /// <summary>Every outcome so far, grouped by key once: for checks over thousands of keys.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<OutreachOutcome>> ByKey() =>
            _outcomes.GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<OutreachOutcome>)[.. g.Select(o => o.Outcome)], StringComparer.Ordinal);

        /// <summary>Waits until <paramref name="key"/> has at least <paramref name="count"/> outcomes.</summary>
        public async Task<IReadOnlyList<(OutreachOutcome Outcome, string? Detail)>> WaitAsync(string key, int count = 1, TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
            while (Of(key).Count < count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{key}: {Of(key).Count} of {count} outcomes: {string.Join(", ", Of(key))}");
                }

                await Task.Delay(50);
            }

            return Of(key);
        }
    }
}
