using System.Text;
using System.Text.Json.Nodes;

namespace Frontdesk.Benchmarks.Intake;

/// <summary>Inputs for the intake benchmarks: the repository's webhook fixtures and generated large bodies.</summary>
internal static class IntakeData
{
    public const string AppSecret = "local_app_secret_change_me";

    /// <summary>tests/Fixtures/webhooks, found by walking up from the running benchmark (BenchmarkDotNet builds below bin/).</summary>
    public static string FixturesDirectory { get; } = FindFixtures();

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(FixturesDirectory, name));

    /// <summary>
    /// One entry, one change, <paramref name="messages"/> text messages from 20 senders, each text about
    /// <paramref name="textBytes"/> bytes: 1000 × 2 900 makes the ~3 MB batch (Meta's maximum payload).
    /// </summary>
    public static byte[] Batch(int messages, int textBytes)
    {
        var contacts = new JsonArray();
        var messageArray = new JsonArray();
        for (var s = 0; s < 20; s++)
        {
            contacts.Add(new JsonObject { ["profile"] = new JsonObject { ["name"] = $"Customer {s}" }, ["wa_id"] = $"155501999{s:00}" });
        }

        var text = new StringBuilder();
        while (text.Length < textBytes)
        {
            text.Append("Hello, do you deliver to Testville on Saturdays? ");
        }

        for (var i = 0; i < messages; i++)
        {
            messageArray.Add(new JsonObject
            {
                ["from"] = $"155501999{i % 20:00}",
                ["id"] = $"wamid.BENCH_{i:000000}",
                ["timestamp"] = "1795600680",
                ["type"] = "text",
                ["text"] = new JsonObject { ["body"] = text.ToString(0, textBytes) },
            });
        }

        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100001", ["phone_number_id"] = "200000000000001" },
            ["contacts"] = contacts,
            ["messages"] = messageArray,
        };
        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "100000000000001",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A body of exactly <paramref name="bytes"/> bytes (the signature does not care what is in it).</summary>
    public static byte[] Filler(int bytes)
    {
        var body = new byte[bytes];
        new Random(42).NextBytes(body);
        return body;
    }

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fixtures", "webhooks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Fixtures/webhooks not found above " + AppContext.BaseDirectory);
    }
}
