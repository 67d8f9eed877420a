namespace Frontdesk.Testing;

/// <summary>Unique, valid storage names so tests sharing one Azurite never see each other's data.</summary>
public static class TestNames
{
    /// <summary>A lowercase prefix (letters and digits, starts with a letter) for table and queue names.</summary>
    public static string Prefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
