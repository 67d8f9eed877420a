using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Frontdesk.Core.Webhooks;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Webhooks;

public sealed class WebhookSplitterTests
{
    [Fact]
    public void Split_BodyThatFits_IsReturnedByteForByte()
    {
        var body = WebhookFixtures.Read("multi_message_batch.json");

        var piece = Assert.Single(WebhookSplitter.Split(body, 46_000));

        Assert.True(piece.FitsQueue);
        Assert.Equal(body, piece.Body.ToArray());
    }

    [Fact]
    public void Split_ThousandUpdates_EveryPieceFitsAndIsAValidWebhook()
    {
        var body = Batch(new Random(7), entries: 1, changes: 2, messages: 600, statuses: 400, maxText: 900);

        var pieces = WebhookSplitter.Split(body, 46_000);

        Assert.True(body.Length > 46_000 * 5);
        Assert.All(pieces, p => Assert.True(p.FitsQueue && p.Body.Length <= 46_000));
        Assert.All(pieces, p => Assert.Equal(WebhookBodyKind.WhatsApp, WebhookBody.Classify(p.Body.Span, out _)));
        Assert.Equal(Ids(body), pieces.SelectMany(p => Ids(p.Body.ToArray())).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Split_SingleMessageLargerThanLimit_IsMarkedForClaimCheck()
    {
        var body = Batch(new Random(1), entries: 1, changes: 1, messages: 3, statuses: 0, maxText: 10);
        var root = JsonNode.Parse(body)!;
        root["entry"]![0]!["changes"]![0]!["value"]!["messages"]![1]!["text"]!["body"] = new string('x', 60_000);
        body = Encoding.UTF8.GetBytes(root.ToJsonString());

        var pieces = WebhookSplitter.Split(body, 46_000);

        var oversized = Assert.Single(pieces, p => !p.FitsQueue);
        Assert.Single(Ids(oversized.Body.ToArray()));
        Assert.Equal(Ids(body), pieces.SelectMany(p => Ids(p.Body.ToArray())).Order(StringComparer.Ordinal).ToList());
    }

    [Property(MaxTest = 40)]
    public bool Split_AnyBatch_HoldsExactlyTheOriginalUpdatesEachPieceUnderTheLimit(int seed, byte messages, byte statuses, ushort limit)
    {
        var random = new Random(seed);
        var max = 2_000 + (limit % 30_000);
        var body = Batch(random, entries: 1 + random.Next(3), changes: 1 + random.Next(3), messages: messages, statuses: statuses, maxText: 1 + random.Next(3_000));

        var pieces = WebhookSplitter.Split(body, max);

        var updatesKept = Ids(body).SequenceEqual(pieces.SelectMany(p => Ids(p.Body.ToArray())).Order(StringComparer.Ordinal));
        var sizesRespected = pieces.All(p => p.FitsQueue ? p.Body.Length <= max : Ids(p.Body.ToArray()).Count == 1);
        var sendersKept = pieces.All(p => SendersKnown(p.Body.ToArray()));
        return updatesKept && sizesRespected && sendersKept;
    }

    [Fact]
    public void Split_EveryLimitInARange_GivesTheSamePiecesAsTheReferenceSplitter()
    {
        // Consecutive limits make some candidate piece land exactly on the limit: an off-by-one in the size shows.
        var random = new Random(3);
        var body = WithOddParts(Batch(random, entries: 2, changes: 2, messages: 60, statuses: 40, maxText: 200), random);

        for (var max = 1_500; max < 2_300; max++)
        {
            var pieces = WebhookSplitter.Split(body, max);
            var expected = ReferenceWebhookSplitter.Split(body, max);

            Assert.Equal(expected.Select(p => (p.FitsQueue, Convert.ToHexString(p.Body.Span))), pieces.Select(p => (p.FitsQueue, Convert.ToHexString(p.Body.Span))));
        }
    }

    [Property(MaxTest = 40)]
    public bool Split_AnyBatch_GivesTheSamePiecesAsTheReferenceSplitter(int seed, byte messages, byte statuses, ushort limit)
    {
        var random = new Random(seed);
        var max = 2_000 + (limit % 30_000);
        var body = Batch(random, entries: 1 + random.Next(3), changes: 1 + random.Next(3), messages: messages, statuses: statuses, maxText: 1 + random.Next(3_000));

        body = WithOddParts(body, random);

        var pieces = WebhookSplitter.Split(body, max);
        var expected = ReferenceWebhookSplitter.Split(body, max);

        return pieces.Count == expected.Count
            && pieces.Zip(expected).All(p => p.First.FitsQueue == p.Second.FitsQueue && p.First.Body.Span.SequenceEqual(p.Second.Body.Span));
    }

    /// <summary>Change-level errors, a contact no message names, a value of arrays only, a change without a value.</summary>
    private static byte[] WithOddParts(byte[] body, Random random)
    {
        var root = JsonNode.Parse(body)!;
        foreach (var change in root["entry"]!.AsArray().SelectMany(e => e!["changes"]!.AsArray()))
        {
            var value = change!["value"]!.AsObject();
            switch (random.Next(4))
            {
                case 0:
                    value["errors"] = new JsonArray(new JsonObject { ["code"] = 131000, ["title"] = "Something went wrong é" });
                    break;
                case 1:
                    value["contacts"] ??= new JsonArray();
                    value["contacts"]!.AsArray().Add(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Nobody" }, ["wa_id"] = "1555000" });
                    break;
                case 2:
                    value.Remove("messaging_product");
                    value.Remove("metadata");
                    break;
            }
        }

        if (random.Next(3) == 0)
        {
            root["entry"]![0]!["changes"]!.AsArray().Add(new JsonObject { ["field"] = "account_update", ["other"] = new string('z', random.Next(100)) });
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Every message id and every (status id, status) in the body, sorted: what must survive a split.</summary>
    private static List<string> Ids(byte[] body)
    {
        var batch = WebhookParser.Parse(body);
        return batch.Messages.Select(m => "m:" + m.Id)
            .Concat(batch.Statuses.Select(s => $"s:{s.MessageId}:{s.Status}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool SendersKnown(byte[] body) =>
        WebhookParser.Parse(body).Messages.All(m => m.ProfileName == "Name " + m.From);

    private static byte[] Batch(Random random, int entries, int changes, int messages, int statuses, int maxText)
    {
        var entryArray = new JsonArray();
        var n = 0;
        for (var e = 0; e < entries; e++)
        {
            var changeArray = new JsonArray();
            for (var c = 0; c < changes; c++)
            {
                var contacts = new JsonArray();
                var messageArray = new JsonArray();
                for (var i = 0; i < messages / (entries * changes) + (e == 0 && c == 0 ? messages % (entries * changes) : 0); i++, n++)
                {
                    var from = "1555" + random.Next(10, 30);
                    if (!contacts.Any(x => x!["wa_id"]!.GetValue<string>() == from))
                    {
                        contacts.Add(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Name " + from }, ["wa_id"] = from });
                    }

                    messageArray.Add(new JsonObject
                    {
                        ["from"] = from,
                        ["id"] = $"wamid.M{n}",
                        ["timestamp"] = "1795600680",
                        ["type"] = "text",
                        ["text"] = new JsonObject { ["body"] = "café " + new string('é', random.Next(maxText)) },
                    });
                }

                var statusArray = new JsonArray();
                for (var i = 0; i < statuses / (entries * changes) + (e == 0 && c == 0 ? statuses % (entries * changes) : 0); i++, n++)
                {
                    statusArray.Add(new JsonObject
                    {
                        ["id"] = $"wamid.S{n}",
                        ["status"] = i % 2 == 0 ? "delivered" : "read",
                        ["timestamp"] = "1795600680",
                        ["recipient_id"] = "15550199991",
                    });
                }

                var value = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100001", ["phone_number_id"] = "200000000000001" },
                };
                if (contacts.Count > 0)
                {
                    value["contacts"] = contacts;
                    value["messages"] = messageArray;
                }

                if (statusArray.Count > 0)
                {
                    value["statuses"] = statusArray;
                }

                changeArray.Add(new JsonObject { ["value"] = value, ["field"] = "messages" });
            }

            entryArray.Add(new JsonObject { ["id"] = "10000000000000" + e, ["changes"] = changeArray });
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = entryArray }.ToJsonString());
    }
}
