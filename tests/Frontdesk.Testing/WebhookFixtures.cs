namespace Frontdesk.Testing;

/// <summary>The shared example webhook bodies (tests/Fixtures/webhooks), read as exact bytes.</summary>
public static class WebhookFixtures
{
    /// <summary>The secret of the signature test vectors in the WhatsApp reference.</summary>
    public const string TestSecret = "test_app_secret_do_not_use";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
