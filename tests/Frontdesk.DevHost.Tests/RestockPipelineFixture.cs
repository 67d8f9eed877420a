using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Outreach;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// "Back in stock" end to end: Azurite, DevHost (its pumps run the inbox, the restock fan-out, the outreach sender
/// and the minute watch) and the fake Graph API. A French bakery under <c>default</c> with the <c>back-in-stock</c>
/// template; alerts paced at <see cref="MessagesPerSecond"/>, Meta's default ceiling, so the big fan-out stays short.
/// </summary>
public sealed class RestockPipelineFixture : IAsyncLifetime
{
    public const string Number = WebhookBuilder.PhoneNumberId;
    public const int MessagesPerSecond = 80;

    public const string CsvHeader = "id,title,description,availability,condition,price,link,image_link,brand\n";

    public AzuriteServer Azurite { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public DevHostRun Host { get; private set; } = null!;

    public OutreachPipelineFixture.RecordingOutcomeSink Outcomes { get; } = new();

    public TableServiceClient Tables => new(Azurite.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
        var settings = Tables.GetTableClient(StorageNames.Tables.Settings);
        await settings.CreateIfNotExistsAsync();
        await settings.AddEntityAsync(new TableEntity("default", "business") { ["Culture"] = "fr-FR", ["FallbackText"] = "Pardon ?" });
        var templates = Tables.GetTableClient(StorageNames.Tables.Templates);
        await templates.CreateIfNotExistsAsync();
        await templates.AddEntityAsync(new TableEntity("default", "back-in-stock")
        {
            ["Name"] = "back_in_stock", ["Language"] = "fr", ["Category"] = "utility", ["BodyParameters"] = "{{name}}, {{product}}, {{price}}",
        });
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

    /// <summary>Imports CSV rows (after the header) through the HTTP endpoint; returns the answer and how long the call took.</summary>
    public async Task<(JsonElement Report, TimeSpan Took)> ImportAsync(string rows)
    {
        using var content = new StringContent(CsvHeader + rows, Encoding.UTF8, "text/csv");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await Host.Client.PostAsync($"/api/manage/catalogue/import?phoneNumberId={Number}&code={DevHostRun.FunctionKey}", content);
        var took = started.Elapsed;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return (JsonDocument.Parse(body).RootElement, took);
    }

    /// <summary>Presses "Notify me" under <paramref name="sku"/>, as the customer's phone would, and waits for the confirmation.</summary>
    public async Task<string> PressNotifyMeAsync(string customer, string sku)
    {
        var id = "wamid.PRESS_" + customer + "_" + sku;
        var response = await Host.PostWebhookAsync(WebhookBuilder.ButtonReply(customer, id, "restock:" + sku, "Prévenez-moi", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WaitForTextAsync(customer, t => t.StartsWith("C'est noté", StringComparison.Ordinal));
    }

    /// <summary>Moves a customer's last message back (outside the window) or opts them out, as the portal would.</summary>
    public async Task EditContactAsync(string customer, Func<ContactState, ContactState> edit)
    {
        var store = Host.Services.GetRequiredService<IContactStore>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await store.GetAsync(Number, customer);
            Assert.NotNull(current);
            if (await store.TrySaveAsync(Number, customer, edit(current.State), current.Version) is not null)
            {
                return;
            }
        }

        Assert.Fail($"Contact {customer} kept changing.");
    }

    /// <summary>The body text of the first message to <paramref name="customer"/> matching <paramref name="match"/>, waited for.</summary>
    public async Task<string> WaitForTextAsync(string customer, Func<string, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = Graph.AcceptedTo(customer).Select(a => Text(a.Request)).FirstOrDefault(t => t is not null && match(t));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Nothing matching reached {customer}: {string.Join(" | ", Graph.AcceptedTo(customer).Select(a => a.Request.Body))}");
    }

    public static string? Text(RecordedGraphRequest request) =>
        request.Json?["text"]?["body"]?.GetValue<string>() ?? request.Json?["interactive"]?["body"]?["text"]?.GetValue<string>();

    /// <summary>GET manage/subscriptions, parsed.</summary>
    public async Task<JsonElement> SubscriptionsAsync(string sku)
    {
        var response = await Host.Client.GetAsync($"/api/manage/subscriptions?phoneNumberId={Number}&sku={sku}&code={DevHostRun.FunctionKey}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
