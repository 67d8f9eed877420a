using System.Text.Json.Nodes;

namespace Frontdesk.Core.Tests.WhatsApp;

internal static class JsonAssert
{
    /// <summary>Same JSON tree (property order ignored), with both texts in the failure message.</summary>
    public static void Equivalent(string expected, string actual)
    {
        var same = JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
        Assert.True(same, $"Expected:\n{JsonNode.Parse(expected)}\nActual:\n{JsonNode.Parse(actual)}");
    }
}
