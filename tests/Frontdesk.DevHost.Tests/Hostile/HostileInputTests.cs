using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Frontdesk.Core.Telemetry;
using Frontdesk.Functions.Http;
using Frontdesk.Storage;
using static Frontdesk.DevHost.Tests.Hostile.HostileRequests;

namespace Frontdesk.DevHost.Tests.Hostile;

/// <summary>
/// Hostile and broken input at every surface of a running DevHost on Azurite (docs/security.md): each case gets its
/// documented status and an RFC 9457 body naming the field at fault; nothing is queued, written, poisoned or sent that
/// should not be; no stack trace or secret reaches the answer or the log; and a normal message is still answered
/// afterwards. Add a case whenever an endpoint or a column lands.
/// </summary>
public sealed class HostileInputTests(HostileFixture host) : IClassFixture<HostileFixture>
{
    private const string Csv = "id,title,availability,price\nA1,Pain,in stock,1.00 EUR\n";

    private static readonly string s_deep = "{\"object\":\"whatsapp_business_account\",\"entry\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

    private static readonly HostileCase[] s_cases =
    [
        // Webhook: the signature (Meta's app secret) is the only way in.
        new("webhook: no signature", () => Webhook(Encoding.UTF8.GetBytes("{}"), null), 401),
        new("webhook: empty signature", () => Webhook(Encoding.UTF8.GetBytes("{}"), "sha256="), 401),
        new("webhook: sha1 scheme", () => Webhook(Encoding.UTF8.GetBytes("{}"), "sha1=" + new string('a', 40)), 401),
        new("webhook: truncated signature", () => Webhook(Encoding.UTF8.GetBytes("{}"), WebhookSignatureOf("{}")[..^1]), 401),
        new("webhook: signature of another body", () => Webhook(Encoding.UTF8.GetBytes("{\"a\":1}"), WebhookSignatureOf("{}")), 401),
        new("webhook: signed with another secret", () => Webhook(Encoding.UTF8.GetBytes("{}"), Core.Webhooks.WebhookSignature.Sign(Encoding.UTF8.GetBytes("{}"), "not-our-secret")), 401),
        new("webhook: signature with non-hex", () => Webhook(Encoding.UTF8.GetBytes("{}"), "sha256=" + new string('z', 64)), 401),
        new("webhook: signed empty body", () => Signed(""), 400),
        new("webhook: signed non-JSON", () => Signed("hello, world"), 400),
        new("webhook: signed JSON array", () => Signed("[1,2,3]"), 400),
        new("webhook: signed truncated JSON", () => Signed("{\"object\":\"whatsapp_business_account\",\"entry\":["), 400),
        new("webhook: signed trailing garbage", () => Signed("{\"object\":\"whatsapp_business_account\"} x"), 400),
        new("webhook: signed 100,000-deep nesting", () => Signed(s_deep), 400),
        new("webhook: 3.2 MB body", () => Signed(new byte[3_300_000]), 413),
        new("webhook: 3.2 MB chunked, no Content-Length", () => Chunked("/api/webhook", 3_300_000, sign: true), 413),
        new("webhook: signed foreign object", () => Signed("{\"object\":\"page\",\"entry\":[]}"), 200, HostileOutcome.Skipped),
        new("webhook: entry is not an array", () => Signed("{\"object\":\"whatsapp_business_account\",\"entry\":{\"x\":1}}"), 200, HostileOutcome.Skipped),
        new("webhook: filter injection in phone_number_id", () => SignedText(phoneNumberId: "' or 1 eq 1"), 200, HostileOutcome.Skipped),
        new("webhook: path in phone_number_id", () => SignedText(phoneNumberId: "../../Contacts"), 200, HostileOutcome.Skipped),
        new("webhook: 21-digit phone_number_id", () => SignedText(phoneNumberId: new string('9', 21)), 200, HostileOutcome.Skipped),
        new("webhook: path in from", () => SignedText(from: "336/../99"), 200, HostileOutcome.Skipped),
        new("webhook: NUL in from", () => SignedText(from: "3369\u00009999"), 200, HostileOutcome.Skipped),
        new("webhook: filter injection in from", () => SignedText(from: "1' or PartitionKey ne '"), 200, HostileOutcome.Skipped),
        new("webhook: empty from", () => SignedText(from: ""), 200, HostileOutcome.Skipped),
        new("webhook: 5,000-character message id", () => SignedText(id: "wamid." + new string('x', 5000)), 200, HostileOutcome.Skipped),
        new("webhook: newline in message id", () => SignedText(id: "wamid.a\nForged log line"), 200, HostileOutcome.Skipped),
        new("webhook: status with injected phone_number_id", () => SignedStatus(phoneNumberId: "' or 1 eq 1"), 200, HostileOutcome.Skipped),
        new("webhook: status with path recipient", () => SignedStatus(recipient: "../admin"), 200, HostileOutcome.Skipped),
        new("webhook: status with 1,000-character id", () => SignedStatus(id: new string('s', 1000)), 200, HostileOutcome.Skipped),
        new("webhook: RTL override and NUL in the text", () => SignedText(from: "33698765432", text: "\u202Eolleh\u0000 hello \u200F"), 200, HostileOutcome.Handled),
        new("webhook: 20 KB text", () => SignedText(from: "33698765433", text: string.Concat(Enumerable.Repeat("pain au chocolat ", 1200))), 200, HostileOutcome.Handled),

        // Handshake: only Meta, with our verify token, gets the challenge back.
        new("handshake: no parameters", () => Get("/api/webhook", key: false), 403),
        new("handshake: wrong verify token", () => Get("/api/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", key: false), 403),
        new("handshake: wrong mode", () => Get($"/api/webhook?hub.mode=unsubscribe&hub.verify_token={DevHostRun.VerifyToken}&hub.challenge=1", key: false), 403),
        new("handshake: no challenge", () => Get($"/api/webhook?hub.mode=subscribe&hub.verify_token={DevHostRun.VerifyToken}", key: false), 403),
        new("handshake: 2,000-character challenge", () => Get($"/api/webhook?hub.mode=subscribe&hub.verify_token={DevHostRun.VerifyToken}&hub.challenge={new string('1', 2000)}", key: false), 400, Parameter: "hub.challenge"),
        new("handshake: 5,000-character verify token", () => Get($"/api/webhook?hub.mode=subscribe&hub.verify_token={new string('t', 5000)}&hub.challenge=1", key: false), 400, Parameter: "hub.verify_token"),

        // validate: Function key, and a phone_number_id or default.
        // Subscriptions ("back in stock"): reads only, one number, never default.
        new("subscriptions: no key", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922", key: false), 401),
        new("subscriptions: no phoneNumberId", () => Get("/api/manage/subscriptions"), 400, Parameter: "phoneNumberId"),
        new("subscriptions: default as phoneNumberId", () => Get("/api/manage/subscriptions?phoneNumberId=default"), 400, Parameter: "phoneNumberId"),
        new("subscriptions: filter injection in phoneNumberId", () => Get("/api/manage/subscriptions?phoneNumberId=%27%20or%201%20eq%201"), 400, Parameter: "phoneNumberId"),
        new("subscriptions: path in sku", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922&sku=..%2F..%2FContacts"), 400, Parameter: "sku"),
        new("subscriptions: NUL in sku", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922&sku=A%00B"), 400, Parameter: "sku"),
        new("subscriptions: 5,000-character sku", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922&sku=" + new string('x', 5000)), 400, Parameter: "sku"),
        new("subscriptions: empty sku", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922&sku="), 400, Parameter: "sku"),
        new("subscriptions: hash in after", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922&after=A%23B"), 400, Parameter: "after"),
        new("subscriptions: quote injection in sku", () => Get("/api/manage/subscriptions?phoneNumberId=106540352242922&sku=%27%20or%20PartitionKey%20ne%20%27"), 200),
        new("validate: no key", () => Get("/api/manage/validate", key: false), 401),
        new("validate: wrong key", () => Get("/api/manage/validate?code=guess", key: false), 401),
        new("validate: filter injection in phoneNumberId", () => Get("/api/manage/validate?phoneNumberId=%27%20or%201%20eq%201"), 400, Parameter: "phoneNumberId"),
        new("validate: path in phoneNumberId", () => Get("/api/manage/validate?phoneNumberId=..%2F..%2Fx"), 400, Parameter: "phoneNumberId"),
        new("validate: 25-digit phoneNumberId", () => Get("/api/manage/validate?phoneNumberId=" + new string('1', 25)), 400, Parameter: "phoneNumberId"),
        new("validate: NUL in phoneNumberId", () => Get("/api/manage/validate?phoneNumberId=12%0034"), 400, Parameter: "phoneNumberId"),

        // explain: Function key, at most 64 KB, checked ids, a customer's text within WhatsApp's 4,096.
        new("explain: no key", () => Explain("""{"phoneNumberId":"200000000000001","from":"1","text":"x"}""", key: false), 401),
        new("explain: filter injection in phoneNumberId", () => Explain("""{"phoneNumberId":"' or 1 eq 1","from":"33600000001","text":"x"}"""), 400, Parameter: "phoneNumberId"),
        new("explain: default as phoneNumberId", () => Explain("""{"phoneNumberId":"default","from":"33600000001","text":"x"}"""), 400, Parameter: "phoneNumberId"),
        new("explain: phoneNumberId as a number", () => Explain("""{"phoneNumberId":200000000000001,"from":"33600000001","text":"x"}"""), 400, Parameter: "phoneNumberId"),
        new("explain: path in from", () => Explain("""{"phoneNumberId":"200000000000001","from":"../x","text":"x"}"""), 400, Parameter: "from"),
        new("explain: no from", () => Explain("""{"phoneNumberId":"200000000000001","text":"x"}"""), 400, Parameter: "from"),
        new("explain: 1 MB text", () => Explain($$"""{"phoneNumberId":"200000000000001","from":"33600000001","text":"{{new string('x', 1024 * 1024)}}"}"""), 413),
        new("explain: 1 MB chunked", () => Chunked("/api/manage/explain", 1024 * 1024, sign: false), 413),
        new("explain: 4,097-character text", () => Explain($$"""{"phoneNumberId":"200000000000001","from":"33600000001","text":"{{new string('x', 4097)}}"}"""), 400, Parameter: "text"),
        new("explain: 300-character replyId", () => Explain($$"""{"phoneNumberId":"200000000000001","from":"33600000001","replyId":"{{new string('r', 300)}}"}"""), 400, Parameter: "replyId"),
        new("explain: 1,000-character name", () => Explain($$"""{"phoneNumberId":"200000000000001","from":"33600000001","text":"x","name":"{{new string('n', 1000)}}"}"""), 400, Parameter: "name"),
        new("explain: no text nor replyId", () => Explain("""{"phoneNumberId":"200000000000001","from":"33600000001"}"""), 400, Parameter: "text"),
        new("explain: not JSON", () => Explain("phoneNumberId=1&from=2"), 400),
        new("explain: JSON array", () => Explain("[]"), 400),
        new("explain: JSON null", () => Explain("null"), 400),
        new("explain: empty body", () => Explain(""), 400),
        new("explain: 10,000-deep nesting", () => Explain(new string('[', 10_000) + new string(']', 10_000)), 400),
        new("explain: at is not a date", () => Explain("""{"phoneNumberId":"200000000000001","from":"33600000001","text":"x","at":"yesterday"}"""), 400, Parameter: "at"),

        // Catalogue import: Function key, a phone_number_id or default, an ISO currency, a CSV within its limits.
        new("import: no key", () => Import("?phoneNumberId=default", Csv, key: false), 401),
        new("import: no phoneNumberId", () => Import("", Csv), 400, Parameter: "phoneNumberId"),
        new("import: filter injection in phoneNumberId", () => Import("?phoneNumberId=%27%20or%201%20eq%201", Csv), 400, Parameter: "phoneNumberId"),
        new("import: the version partition as phoneNumberId", () => Import("?phoneNumberId=_versions", Csv), 400, Parameter: "phoneNumberId"),
        new("import: path in phoneNumberId", () => Import("?phoneNumberId=..%2F1", Csv), 400, Parameter: "phoneNumberId"),
        new("import: currency with a quote", () => Import("?phoneNumberId=300000000000100&currency=EU%27R", Csv), 400, Parameter: "currency"),
        new("import: empty CSV", () => Import("?phoneNumberId=300000000000100", ""), 400),
        new("import: CSV formulas and a 200 KB title", () => Import(
            "?phoneNumberId=300000000000101",
            "id,title,availability,price\n=HYPERLINK(\"http://x\"),=1+1,in stock,1.00 EUR\n@SUM(A1),+cmd|' /C calc'!A0,in stock,2.00 EUR\nB2," + new string('t', 200_000) + ",in stock,1.00 EUR\n"), 200, HostileOutcome.Handled),

        // Phone console: Function key; it speaks only for test contacts (wa_ids of digits starting with Console__TestNumberPrefix).
        new("console page: no key", () => Get("/api/manage/console", key: false), 401),
        new("console page: wrong key", () => Get("/api/manage/console?code=guess", key: false), 401),
        new("console send: no key", () => ConsoleSend("""{"waId":"9990000001","text":"hello"}""", key: false), 401),
        new("console send: wrong key", () => Post("/api/manage/console/send?code=guess", Encoding.UTF8.GetBytes("""{"waId":"9990000001","text":"hello"}"""), key: false), 401),
        new("console send: a real customer's wa_id", () => ConsoleSend("""{"waId":"33612345678","text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: the bare prefix as wa_id", () => ConsoleSend("""{"waId":"999","text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: no wa_id", () => ConsoleSend("""{"text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: filter injection in wa_id", () => ConsoleSend("""{"waId":"999' or 1 eq 1","text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: path in wa_id", () => ConsoleSend("""{"waId":"999/../33612345678","text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: 40-digit wa_id", () => ConsoleSend($$"""{"waId":"999{{new string('1', 37)}}","text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: NUL in wa_id", () => ConsoleSend("""{"waId":"999\u00001","text":"hello"}"""), 403, Parameter: "waId"),
        new("console send: wa_id as a number", () => ConsoleSend("""{"waId":9990000001,"text":"hello"}"""), 400),
        new("console send: filter injection in phoneNumberId", () => ConsoleSend("""{"waId":"9990000001","phoneNumberId":"' or 1 eq 1","text":"hello"}"""), 400, Parameter: "phoneNumberId"),
        new("console send: path in phoneNumberId", () => ConsoleSend("""{"waId":"9990000001","phoneNumberId":"../../Contacts","text":"hello"}"""), 400, Parameter: "phoneNumberId"),
        new("console send: default as phoneNumberId", () => ConsoleSend("""{"waId":"9990000001","phoneNumberId":"default","text":"hello"}"""), 400, Parameter: "phoneNumberId"),
        new("console send: 25-digit phoneNumberId", () => ConsoleSend($$"""{"waId":"9990000001","phoneNumberId":"{{new string('2', 25)}}","text":"hello"}"""), 400, Parameter: "phoneNumberId"),
        new("console send: 4,097-character text", () => ConsoleSend($$"""{"waId":"9990000001","text":"{{new string('x', 4097)}}"}"""), 400, Parameter: "text"),
        new("console send: 1,000-character name", () => ConsoleSend($$"""{"waId":"9990000001","name":"{{new string('n', 1000)}}","text":"hello"}"""), 400, Parameter: "name"),
        new("console send: text and reply both", () => ConsoleSend("""{"waId":"9990000001","text":"hello","reply":{"kind":"button","id":"a","title":"A"}}"""), 400, Parameter: "text"),
        new("console send: reply of an unknown kind", () => ConsoleSend("""{"waId":"9990000001","reply":{"kind":"carousel","id":"a","title":"A"}}"""), 400, Parameter: "reply"),
        new("console send: order with a zero quantity", () => ConsoleSend("""{"waId":"9990000001","order":{"items":[{"productRetailerId":"A1","quantity":0,"itemPrice":1,"currency":"EUR"}]}}"""), 400, Parameter: "order"),
        new("console send: 1 MB body", () => ConsoleSend($$"""{"waId":"9990000001","text":"{{new string('x', 1024 * 1024)}}"}"""), 413),
        new("console send: 1 MB chunked", () => Chunked("/api/manage/console/send", 1024 * 1024, sign: false), 413),
        new("console send: not JSON", () => ConsoleSend("waId=9990000001&text=hello"), 400),
        new("console send: JSON array", () => ConsoleSend("[]"), 400),
        new("console send: empty body", () => ConsoleSend(""), 400),
        new("console send: 10,000-deep nesting", () => ConsoleSend(new string('[', 10_000) + new string(']', 10_000)), 400),
        new("console send: 5,000-character button id", () => ConsoleSend($$$"""{"waId":"9990000001","reply":{"kind":"button","id":"{{{new string('b', 5000)}}}","title":"A"}}"""), 400, Parameter: "reply"),
        new("console send: unknown button id", () => ConsoleSend("""{"waId":"9990000002","reply":{"kind":"button","id":"no-such-button","title":"Nothing"}}"""), 200, HostileOutcome.Handled),
        new("console send: injected list row id", () => ConsoleSend("""{"waId":"9990000003","reply":{"kind":"list","id":"' or 1 eq 1/../x","title":"Nothing"}}"""), 200, HostileOutcome.Handled),
        new("console send: unknown product in an order", () => ConsoleSend("""{"waId":"9990000004","order":{"items":[{"productRetailerId":"NO-SUCH-PRODUCT","quantity":2,"itemPrice":1,"currency":"EUR"}]}}"""), 200, HostileOutcome.Handled),
        new("console conversation: no key", () => Get("/api/manage/console/conversation?waId=9990000001", key: false), 401),
        new("console conversation: a real customer's wa_id", () => Get("/api/manage/console/conversation?waId=33612345678"), 403, Parameter: "waId"),
        new("console conversation: no wa_id", () => Get("/api/manage/console/conversation"), 403, Parameter: "waId"),
        new("console conversation: filter injection in wa_id", () => Get("/api/manage/console/conversation?waId=999%27%20or%201%20eq%201"), 403, Parameter: "waId"),
        new("console conversation: path in wa_id", () => Get("/api/manage/console/conversation?waId=999%2F..%2F1"), 403, Parameter: "waId"),
        new("console conversation: 40-digit wa_id", () => Get("/api/manage/console/conversation?waId=999" + new string('1', 37)), 403, Parameter: "waId"),
        new("console conversation: filter injection in phoneNumberId", () => Get("/api/manage/console/conversation?waId=9990000001&phoneNumberId=%27%20or%201%20eq%201"), 400, Parameter: "phoneNumberId"),
        new("console conversation: path in phoneNumberId", () => Get("/api/manage/console/conversation?waId=9990000001&phoneNumberId=..%2F..%2Fx"), 400, Parameter: "phoneNumberId"),
        new("console conversation: 25-digit phoneNumberId", () => Get("/api/manage/console/conversation?waId=9990000001&phoneNumberId=" + new string('1', 25)), 400, Parameter: "phoneNumberId"),

        // Components publish: Function key, one real phone_number_id (never default: Meta has no such number).
        new("publish: no key", () => Publish("?phoneNumberId=200000000000001", key: false), 401),
        new("publish: wrong key", () => Publish("?phoneNumberId=200000000000001&code=guess", key: false), 401),
        new("publish: no phoneNumberId", () => Publish(""), 400, Parameter: "phoneNumberId"),
        new("publish: filter injection in phoneNumberId", () => Publish("?phoneNumberId=%27%20or%201%20eq%201"), 400, Parameter: "phoneNumberId"),
        new("publish: path in phoneNumberId", () => Publish("?phoneNumberId=..%2F..%2Fme%2Fmessages"), 400, Parameter: "phoneNumberId"),
        new("publish: default as phoneNumberId", () => Publish("?phoneNumberId=default"), 400, Parameter: "phoneNumberId"),
        new("publish: 25-digit phoneNumberId", () => Publish("?phoneNumberId=" + new string('1', 25)), 400, Parameter: "phoneNumberId"),
        new("publish: a number with no Components rows", () => Publish("?phoneNumberId=300000000000999"), 400, Parameter: "phoneNumberId"),

        // Templates sync: Function key, one real phone_number_id; reads Meta's list only with a WabaId and Templates rows.
        new("templates sync: no key", () => SyncTemplates("?phoneNumberId=200000000000001", key: false), 401),
        new("templates sync: wrong key", () => SyncTemplates("?phoneNumberId=200000000000001&code=guess", key: false), 401),
        new("templates sync: no phoneNumberId", () => SyncTemplates(""), 400, Parameter: "phoneNumberId"),
        new("templates sync: filter injection in phoneNumberId", () => SyncTemplates("?phoneNumberId=%27%20or%201%20eq%201"), 400, Parameter: "phoneNumberId"),
        new("templates sync: path in phoneNumberId", () => SyncTemplates("?phoneNumberId=..%2F..%2Fme%2Fmessage_templates"), 400, Parameter: "phoneNumberId"),
        new("templates sync: default as phoneNumberId", () => SyncTemplates("?phoneNumberId=default"), 400, Parameter: "phoneNumberId"),
        new("templates sync: 25-digit phoneNumberId", () => SyncTemplates("?phoneNumberId=" + new string('1', 25)), 400, Parameter: "phoneNumberId"),
        new("templates sync: a number with no WabaId in Settings", () => SyncTemplates("?phoneNumberId=300000000000999"), 400, Parameter: "phoneNumberId"),
    ];

    public static TheoryData<string> Cases() => [.. s_cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileRequest_GetsItsDocumentedAnswer_AndLosesNothing(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var hostile = s_cases.Single(c => c.Name == name);
        await host.WaitForQueuesDrainedAsync(ct);
        var before = await host.SnapshotAsync(ct);
        var logFrom = host.Log.Entries.Count;

        using var request = hostile.Request();
        using var response = await host.Host.Client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(hostile.Status, (int)response.StatusCode);
        if (hostile.Status >= 400)
        {
            AssertProblem(hostile, response, body);
        }

        await host.WaitForQueuesDrainedAsync(ct);
        var after = await host.SnapshotAsync(ct);
        Assert.Equal(before.Poisoned, after.Poisoned);
        if (hostile.Outcome is HostileOutcome.Refused or HostileOutcome.Skipped)
        {
            Assert.Equal(before.Rows, after.Rows);
            Assert.Equal(before.GraphRequests, after.GraphRequests);
        }

        if (hostile.Outcome is HostileOutcome.Skipped && name.Contains("webhook: ", StringComparison.Ordinal) && !name.Contains("object", StringComparison.Ordinal) && !name.Contains("entry", StringComparison.Ordinal))
        {
            Assert.Contains(host.Log.Entries.Skip(logFrom), e => e.EventId == TelemetryEvents.WebhookItemSkipped);
        }

        await host.AssertStillAnswersAsync(Number, ct);
        AssertClean(body, host.Log.Entries.Skip(logFrom));
    }

    public sealed record NonsenseRow(string Name, string Table, string RowKey, (string Column, object Value)[] Columns, string? Problem);

    private static readonly NonsenseRow[] s_rows =
    [
        new("Rules: unknown Match", StorageNames.Tables.Rules, "fuzzy", [("Keywords", "hello"), ("Reply", "x"), ("Match", "fuzzy")], "Match 'fuzzy'"),
        new("Rules: Priority as words", StorageNames.Tables.Rules, "prio", [("Keywords", "hello"), ("Reply", "x"), ("Priority", "high")], "Priority 'high'"),
        new("Rules: catastrophic regex", StorageNames.Tables.Rules, "regex", [("Keywords", "^(a+)+$"), ("Match", "regex"), ("Reply", "x")], null),
        new("Rules: regex that does not compile", StorageNames.Tables.Rules, "badregex", [("Keywords", "(unclosed"), ("Match", "regex"), ("Reply", "x")], "not a valid regular expression"),
        new("Rules: four buttons", StorageNames.Tables.Rules, "buttons", [("Keywords", "hello"), ("Reply", "x"), ("Buttons", "a|b|c|d")], "at most 3"),
        new("Rules: 5,000-character reply", StorageNames.Tables.Rules, "long", [("Keywords", "hello"), ("Reply", new string('r', 5000))], "5000 characters, more than the 4096"),
        new("Rules: Enabled as a number", StorageNames.Tables.Rules, "enabled", [("Keywords", "hello"), ("Reply", "x"), ("Enabled", 7)], "Enabled '7'"),
        new("Rules: QuickReply naming nothing", StorageNames.Tables.Rules, "qr", [("Keywords", "hello"), ("QuickReply", "nope")], "QuickReply 'nope'"),
        new("Settings: unknown time zone", StorageNames.Tables.Settings, "business", [("TimeZone", "Mars/Olympus_Mons")], "Mars/Olympus_Mons"),
        new("Settings: 5,000-character MenuText", StorageNames.Tables.Settings, "business", [("MenuText", new string('m', 5000))], "more than the 1024"),
        new("Settings: negative GreetingAfterDays", StorageNames.Tables.Settings, "business", [("GreetingAfterDays", -5)], "GreetingAfterDays '-5'"),
        new("Settings: unknown RowKey", StorageNames.Tables.Settings, "bizness", [("GreetingText", "hi")], "RowKey 'bizness' is ignored"),
        new("Hours: 25:00-99:00", StorageNames.Tables.Hours, "Monday", [("Hours", "25:00-99:00")], "'25:00-99:00' is not a window"),
        new("Hours: unknown day", StorageNames.Tables.Hours, "Caturday", [("Hours", "09:00-18:00")], "Caturday"),
        new("QuickReplies: empty text", StorageNames.Tables.QuickReplies, "empty", [("Text", "   ")], "Text is empty"),
        new("Catalogue: product without a price", StorageNames.Tables.Catalogue, "P1", [("Title", "Pain"), ("Price", "free")], null),
        new("Contacts: timestamps and flags as nonsense", StorageNames.Tables.Contacts, "CUSTOMER", [("LastInbound", "yesterday"), ("OptedOut", "maybe"), ("Labels", 42), ("BotPausedUntil", "soon")], null),
        new("Templates: unknown variable", StorageNames.Tables.Templates, "back-in-stock", [("Name", "back_in_stock"), ("Language", "fr"), ("Category", "utility"), ("BodyParameters", "{{name}}, {{prix}}")], "{{prix}} is not a known variable"),
        new("Templates: wrong category", StorageNames.Tables.Templates, "promo", [("Name", "promo"), ("Language", "fr"), ("Category", "authentication")], "Category 'authentication' is not utility or marketing"),
        new("Templates: no name", StorageNames.Tables.Templates, "order-ready", [("Language", "fr"), ("Category", "utility")], "Name (Meta's template name) is empty"),
        new("Settings: WabaId with a path", StorageNames.Tables.Settings, "business", [("WabaId", "../me/messages")], "WabaId '../me/messages' is not"),
    ];

    public static TheoryData<string> Rows() => [.. s_rows.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task HandEditedNonsenseRow_IsReportedOrTolerated_AndTheNumberStillAnswers(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var index = Array.FindIndex(s_rows, r => r.Name == name);
        var row = s_rows[index];
        var number = $"3000000000{index:D5}";
        var logFrom = host.Log.Entries.Count;
        var customer = host.NewCustomer();
        var entity = new TableEntity(number, row.RowKey == "CUSTOMER" ? customer : row.RowKey);
        foreach (var (column, value) in row.Columns)
        {
            entity[column] = value;
        }

        var table = new TableClient(host.Azurite.ConnectionString, row.Table);
        await table.CreateIfNotExistsAsync(ct);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        var poisonedBefore = (await host.SnapshotAsync(ct)).Poisoned;

        await host.AssertStillAnswersAsync(number, ct, "what is your address?", customer);
        using var validate = Get($"/api/manage/validate?phoneNumberId={number}");
        using var response = await host.Host.Client.SendAsync(validate, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(200, (int)response.StatusCode);
        if (row.Problem is not null)
        {
            using var json = JsonDocument.Parse(body);
            Assert.Contains(
                json.RootElement.GetProperty("problems").EnumerateArray(),
                p => p.GetProperty("partitionKey").GetString() == number && p.GetProperty("rowKey").GetString() == row.RowKey
                    && p.GetProperty("problem").GetString()!.Contains(row.Problem, StringComparison.Ordinal));
        }

        await host.WaitForQueuesDrainedAsync(ct);
        Assert.Equal(poisonedBefore, (await host.SnapshotAsync(ct)).Poisoned);
        AssertClean(body, host.Log.Entries.Skip(logFrom));
    }

    [Fact]
    public async Task HandEditedNonsenseComponents_ArePublishedWithinMetasLimits_AndReported()
    {
        var ct = TestContext.Current.CancellationToken;
        const string number = "300000000000777";
        var table = new TableClient(host.Azurite.ConnectionString, StorageNames.Tables.Components);
        await table.CreateIfNotExistsAsync(ct);
        var rows = new List<TableEntity>();
        for (var i = 1; i <= 6; i++)
        {
            rows.Add(new TableEntity(number, $"prompt{i}") { ["Kind"] = "prompt", ["Text"] = $"Suggestion {i}", ["Order"] = i });
        }

        rows.Add(new TableEntity(number, "longprompt") { ["Kind"] = "ice breaker", ["Text"] = new string('p', 200), ["Order"] = 0 });
        rows.Add(new TableEntity(number, new string('c', 40)) { ["Kind"] = "command", ["Description"] = "A name over Meta's 32" });
        rows.Add(new TableEntity(number, "longdesc") { ["Kind"] = "command", ["Description"] = new string('d', 300) });
        rows.Add(new TableEntity(number, "nodesc") { ["Kind"] = "command" });
        rows.Add(new TableEntity(number, "menu") { ["Kind"] = "command", ["Command"] = "/menu", ["Description"] = "See the menu" });
        rows.Add(new TableEntity(number, "carousel") { ["Kind"] = "carousel", ["Text"] = "x" });
        rows.Add(new TableEntity(number, "welcome1") { ["Kind"] = "welcome", ["Enabled"] = "perhaps" });
        rows.Add(new TableEntity(number, "welcome2") { ["Kind"] = "welcome" });
        foreach (var row in rows)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        }

        var logFrom = host.Log.Entries.Count;
        var graphFrom = host.Graph.Requests.Count;
        using var request = Publish($"?phoneNumberId={number}");
        using var response = await host.Host.Client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(200, (int)response.StatusCode);
        var sent = Assert.Single(host.Graph.Requests.Skip(graphFrom), r => r.Path.EndsWith("/conversational_automation", StringComparison.Ordinal));
        Assert.Equal($"/{number}/conversational_automation", sent.Path[sent.Path.IndexOf('/', 1)..]);
        var prompts = sent.Json!["prompts"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.InRange(prompts.Count, 1, Core.Limits.WhatsAppLimits.MaxPrompts);
        Assert.All(prompts, p => Assert.InRange(p.Length, 1, Core.Limits.WhatsAppLimits.PromptText));
        var commands = sent.Json!["commands"]!.AsArray();
        Assert.Equal(["menu"], commands.Select(c => c!["command_name"]!.GetValue<string>()));
        Assert.All(commands, c => Assert.InRange(c!["command_description"]!.GetValue<string>().Length, 1, Core.Limits.WhatsAppLimits.CommandDescription));

        using var json = JsonDocument.Parse(body);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("rowKey").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "prompt5", "prompt6", "longprompt", new string('c', 40), "longdesc", "nodesc", "carousel" }, problems);
        await host.WaitForQueuesDrainedAsync(ct);
        Assert.Equal(0, (await host.SnapshotAsync(ct)).Poisoned);
        await host.AssertStillAnswersAsync(Number, ct);
        AssertClean(body, host.Log.Entries.Skip(logFrom));
    }

    private static string WebhookSignatureOf(string body) => Core.Webhooks.WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), DevHostRun.AppSecret);

    private static void AssertProblem(HostileCase hostile, HttpResponseMessage response, string body)
    {
        Assert.Equal(MediaTypeHeaderValue.Parse(Problems.ContentType).MediaType, response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var problem = json.RootElement;
        Assert.Equal(hostile.Status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.True(body.Length < 2048, $"A problem body of {body.Length} characters echoes too much.");
        if (hostile.Parameter is not null)
        {
            Assert.Equal(hostile.Parameter, problem.GetProperty("parameter").GetString());
        }
    }

    /// <summary>No stack trace and no secret in the answer, nor in anything logged while the case ran.</summary>
    private void AssertClean(string body, IEnumerable<LogEntry> log)
    {
        var entries = log.ToList();
        foreach (var text in entries.Select(e => e.Message).Prepend(body))
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
            Assert.All(host.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.True(e.Exception is null, $"Logged an exception: {e}"));
    }
}
