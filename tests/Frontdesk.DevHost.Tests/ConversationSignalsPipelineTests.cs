using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// Issue 12 end to end: signed webhooks in (echoes of the owner's replies, request_welcome, reactions, edits),
/// replies out at the fake Graph API, on a DevHost of its own. Each test uses its own customers (and, where it needs
/// its own settings, its own phone_number_id), so they share the one DevHost.
/// </summary>
public sealed class ConversationSignalsPipelineTests(ReplyPipelineFixture pipeline) : IClassFixture<ReplyPipelineFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OwnerRepliesFromThePhone_BotStaysSilentForThatCustomerNotOthers_UntilBotOn()
    {
        var paused = "15550400001";
        var other = "15550400002";
        var at = pipeline.AdvanceTo(DayOfWeek.Wednesday, 9);

        await PostAsync(WebhookBuilder.Text(paused, "wamid.E2E_HUMAN_1", "what are your opening hours?", at));
        var before = await WaitForTextsAsync(paused, 1);
        await PostAsync(WebhookBuilder.Echo(paused, "wamid.E2E_HUMAN_ECHO_1", "Hi, it's Marie: I'll take it from here.", at.AddMinutes(1)));
        await pipeline.WaitForInboxDrainedAsync(s_wait);
        await PostAsync(WebhookBuilder.Text(paused, "wamid.E2E_HUMAN_2", "where is the shop?", at.AddMinutes(2)));
        await PostAsync(WebhookBuilder.Text(other, "wamid.E2E_HUMAN_OTHER_1", "where is the shop?", at.AddMinutes(2)));
        await WaitForReadReceiptAsync("wamid.E2E_HUMAN_2");
        await WaitForTextsAsync(other, 1);

        Assert.Equal(before, pipeline.TextsTo(paused));
        Assert.Contains(pipeline.TextsTo(other), t => t.Contains("12 rue de la Paix", StringComparison.Ordinal));
        var contact = await ContactAsync(WebhookBuilder.PhoneNumberId, paused);
        Assert.Contains("human", contact.GetString("Labels"), StringComparison.Ordinal);
        Assert.Equal(at.AddMinutes(1).AddHours(12), contact.GetDateTimeOffset("BotPausedUntil"));

        await PostAsync(WebhookBuilder.Echo(paused, "wamid.E2E_HUMAN_ECHO_2", "#bot on", at.AddMinutes(3)));
        await pipeline.WaitForInboxDrainedAsync(s_wait);
        await PostAsync(WebhookBuilder.Text(paused, "wamid.E2E_HUMAN_3", "what is your address?", at.AddMinutes(4)));

        var after = await WaitForTextsAsync(paused, before.Count + 1);
        Assert.Contains(after, t => t.Contains("12 rue de la Paix", StringComparison.Ordinal));
        Assert.Null((await ContactAsync(WebhookBuilder.PhoneNumberId, paused)).GetDateTimeOffset("BotPausedUntil"));
    }

    [Fact]
    public async Task RequestWelcome_GreetsOnce()
    {
        var customer = "15550400003";
        var at = pipeline.AdvanceTo(DayOfWeek.Wednesday, 9);

        await PostAsync(WebhookBuilder.RequestWelcome(customer, "wamid.E2E_WELCOME_1", at));
        await WaitForTextsAsync(customer, 2);
        await PostAsync(WebhookBuilder.RequestWelcome(customer, "wamid.E2E_WELCOME_2", at.AddMinutes(1)));
        await WaitForReadReceiptAsync("wamid.E2E_WELCOME_2");

        var texts = pipeline.TextsTo(customer);
        Assert.Single(texts, t => t.Contains("welcome to Demo Bakery", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("How can we help?", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("did not understand", StringComparison.Ordinal));
        Assert.Equal(2, texts.Count);
    }

    [Fact]
    public async Task ReactionAndEdit_GetNoReply_AndAnEditBeforeItsOriginalIsAnsweredOnce()
    {
        var customer = "15550400004";
        var early = "15550400005";
        var at = pipeline.AdvanceTo(DayOfWeek.Wednesday, 9);

        await PostAsync(WebhookBuilder.Text(customer, "wamid.E2E_EDIT_1", "what are your opening hours?", at));
        var before = await WaitForTextsAsync(customer, 2);
        await PostAsync(WebhookBuilder.Reaction(customer, "wamid.E2E_REACT_1", "wamid.FAKE_SENT_1", "👍", at.AddMinutes(1)));
        await WaitForReadReceiptAsync("wamid.E2E_REACT_1");
        await PostAsync(WebhookBuilder.Edit(customer, "wamid.E2E_EDIT_1B", "wamid.E2E_EDIT_1", "what is your address?", at.AddMinutes(2)));
        await pipeline.WaitForInboxDrainedAsync(s_wait);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);

        Assert.Equal(before, pipeline.TextsTo(customer));
        Assert.Equal("👍", (await ContactAsync(WebhookBuilder.PhoneNumberId, customer)).GetString("LastReaction"));

        // The edit arrives first: it is answered; its original, arriving later, is not answered again.
        await PostAsync(WebhookBuilder.Edit(early, "wamid.E2E_EDIT_2B", "wamid.E2E_EDIT_2", "what is your address?", at.AddMinutes(3)));
        var answered = await WaitForTextsAsync(early, 2);
        await PostAsync(WebhookBuilder.Text(early, "wamid.E2E_EDIT_2", "what are your opening hours?", at.AddMinutes(2)));
        await pipeline.WaitForInboxDrainedAsync(s_wait);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);

        Assert.Contains(answered, t => t.Contains("12 rue de la Paix", StringComparison.Ordinal));
        Assert.Equal(answered, pipeline.TextsTo(early));
        Assert.DoesNotContain(pipeline.TextsTo(early), t => t.Contains("We are open Monday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storm_IsStoppedAfterTheLimit()
    {
        // A number of its own whose Settings allow 3 automatic replies in 5 minutes (the rules come from default).
        const string number = "200000000000077";
        var customer = "15550400006";
        await Table(StorageNames.Tables.Settings).UpsertEntityAsync(
            new TableEntity(number, "business") { ["StormReplies"] = 3, ["StormMinutes"] = 5, ["TimeZone"] = "Europe/Paris" }, cancellationToken: Ct);
        var at = pipeline.AdvanceTo(DayOfWeek.Wednesday, 9);

        for (var i = 1; i <= 6; i++)
        {
            await PostAsync(WebhookBuilder.Text(customer, $"wamid.E2E_STORM_{i}", "where are you?", at.AddSeconds(i), phoneNumberId: number));
            await WaitForReadReceiptAsync($"wamid.E2E_STORM_{i}", settle: TimeSpan.FromMilliseconds(500));
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal(3, pipeline.TextsTo(customer).Count);
        var contact = await ContactAsync(number, customer);
        Assert.Contains("storm", contact.GetString("Labels"), StringComparison.Ordinal);
        Assert.Equal(pipeline.Clock.GetUtcNow().AddHours(1), contact.GetDateTimeOffset("BotPausedUntil"));
        Assert.Contains("storm", contact.GetString("PauseReason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingComponents_SendsMetasDocumentedBody()
    {
        const string number = "200000000000088";
        var components = Table(StorageNames.Tables.Components);
        await components.CreateIfNotExistsAsync(Ct);
        await components.UpsertEntityAsync(new TableEntity(number, "welcome") { ["Kind"] = "welcome", ["Enabled"] = true }, cancellationToken: Ct);
        await components.UpsertEntityAsync(new TableEntity(number, "prompt-hours") { ["Kind"] = "prompt", ["Text"] = "Nos horaires", ["Order"] = 2 }, cancellationToken: Ct);
        await components.UpsertEntityAsync(new TableEntity(number, "prompt-menu") { ["Kind"] = "prompt", ["Text"] = "Voir le menu", ["Order"] = 1 }, cancellationToken: Ct);
        await components.UpsertEntityAsync(new TableEntity(number, "menu") { ["Kind"] = "command", ["Description"] = "Voir le menu" }, cancellationToken: Ct);
        await components.UpsertEntityAsync(new TableEntity(number, "hours") { ["Kind"] = "command", ["Command"] = "/hours", ["Description"] = "Nos horaires d'ouverture" }, cancellationToken: Ct);

        var response = await pipeline.Host.Client.PostAsync(
            $"/api/manage/components/publish?phoneNumberId={number}&code={DevHostRun.FunctionKey}", null, Ct);

        var answer = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer);
        var sent = Assert.Single(pipeline.Graph.Requests, r => r.Path.EndsWith($"/{number}/conversational_automation", StringComparison.Ordinal));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("Bearer test-access-token", sent.Authorization);
        var expected = JsonNode.Parse("""
            {"enable_welcome_message":true,"prompts":["Voir le menu","Nos horaires"],
             "commands":[{"command_name":"hours","command_description":"Nos horaires d'ouverture"},{"command_name":"menu","command_description":"Voir le menu"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, sent.Json), sent.Body);
        var report = JsonNode.Parse(answer)!;
        Assert.True(report["accepted"]!.GetValue<bool>());
        Assert.Equal(200, report["metaStatus"]!.GetValue<int>());
        Assert.True(report["metaAnswer"]!["success"]!.GetValue<bool>());
        Assert.Contains("Nos horaires d'ouverture", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingComponents_ForANumberWithoutRows_IsA400ThatSaysWhy()
    {
        var response = await pipeline.Host.Client.PostAsync(
            $"/api/manage/components/publish?phoneNumberId=200000000000099&code={DevHostRun.FunctionKey}", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing to publish", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private TableClient Table(string name) => new(pipeline.Azurite.ConnectionString, name);

    private async Task<TableEntity> ContactAsync(string number, string customer) =>
        (await Table(StorageNames.Tables.Contacts).GetEntityAsync<TableEntity>(number, customer, cancellationToken: Ct)).Value;

    private async Task PostAsync(byte[] body)
    {
        var response = await pipeline.Host.PostWebhookAsync(body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IReadOnlyList<string>> WaitForTextsAsync(string customer, int count)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (pipeline.TextsTo(customer).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        var texts = pipeline.TextsTo(customer);
        Assert.True(texts.Count >= count, $"expected {count} replies to {customer}, got: {string.Join(" | ", texts)}");

        // Replies are spaced a second apart; give the rest of this answer time to land.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        return pipeline.TextsTo(customer);
    }

    private async Task WaitForReadReceiptAsync(string messageId, TimeSpan? settle = null)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!pipeline.Graph.Requests.Any(r => r.IsMarkRead && r.Json?["message_id"]?.GetValue<string>() == messageId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no read receipt for {messageId}");
            await Task.Delay(100, Ct);
        }

        await Task.Delay(settle ?? TimeSpan.FromSeconds(3), Ct);
    }
}
