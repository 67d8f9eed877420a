using System.Text.Json.Nodes;

namespace Frontdesk.Testing;

/// <summary>One request <see cref="FakeGraphServer"/> received, as it arrived.</summary>
public sealed record RecordedGraphRequest(int Sequence, string Method, string Path, string? Authorization, string Body)
{
    /// <summary>The body parsed, or null when it was not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The phone_number_id segment of <c>/{version}/{phone_number_id}/messages</c>.</summary>
    public string? PhoneNumberId => Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var id, "messages"] ? id : null;

    public bool IsMarkRead => Json?["status"]?.GetValue<string>() == "read";
}
