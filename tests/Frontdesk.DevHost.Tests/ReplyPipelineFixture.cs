using Azure.Storage.Queues;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// The whole product on one machine: Azurite, DevHost with the seeded demo bakery (Europe/Paris hours), and a fake
/// Graph API recording what Frontdesk sends. The clock is fake so opening hours are deterministic.
/// </summary>
public sealed class ReplyPipelineFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public DevHostRun Host { get; private set; } = null!;

    /// <summary>Starts on a Wednesday at 10:58 in Paris: the demo bakery is open.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
        Host = await DevHostRun.StartAsync(
            Azurite,
            new Dictionary<string, string?>
            {
                ["WhatsApp:AccessToken"] = "test-access-token",
                ["WhatsApp:GraphBaseUrl"] = Graph.BaseUrl.ToString(),
            },
            services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>
    /// Moves the clock forward to the next <paramref name="day"/> at <paramref name="hourUtc"/>:00 UTC (a fake clock
    /// only goes forward, and tests share it), and returns that moment.
    /// </summary>
    public DateTimeOffset AdvanceTo(DayOfWeek day, int hourUtc)
    {
        var now = Clock.GetUtcNow();
        var next = new DateTimeOffset(now.Date, TimeSpan.Zero).AddHours(hourUtc);
        while (next <= now || next.DayOfWeek != day)
        {
            next = next.AddDays(1);
        }

        Clock.SetUtcNow(next);
        return next;
    }

    /// <summary>Waits until the inbox is empty, invisible (retrying) messages included: every delivery has run.</summary>
    public async Task WaitForInboxDrainedAsync(TimeSpan timeout)
    {
        var inbox = new QueueClient(Azurite.ConnectionString, StorageNames.Queues.WebhookInbox);
        var deadline = DateTime.UtcNow + timeout;
        while ((await inbox.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("webhook-inbox did not drain.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Texts sent to one customer (read receipts left out), in arrival order.</summary>
    public IReadOnlyList<string> TextsTo(string customer) =>
        [.. Graph.Requests
            .Where(r => !r.IsMarkRead && r.Json?["to"]?.GetValue<string>() is { } to && to.TrimStart('+') == customer)
            .Select(r => r.Json!["text"]?["body"]?.GetValue<string>() ?? r.Json!["interactive"]?["body"]?["text"]?.GetValue<string>() ?? r.Body)];
}
