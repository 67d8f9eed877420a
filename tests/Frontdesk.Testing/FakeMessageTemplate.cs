using System.Globalization;
using System.Text.Json.Nodes;

namespace Frontdesk.Testing;

/// <summary>
/// A template the fake WhatsApp Business Account holds, listed by <c>GET /{waba-id}/message_templates</c> in Meta's
/// shape: a BODY with <paramref name="BodyParameters"/> placeholders {{1}}…, an IMAGE header and a URL button with a
/// variable when asked.
/// </summary>
public sealed record FakeMessageTemplate(
    string Name,
    string Language,
    string Status = "APPROVED",
    string Category = "UTILITY",
    int BodyParameters = 0,
    bool ImageHeader = false,
    bool UrlButton = false)
{
    internal JsonObject ToJson()
    {
        var components = new JsonArray();
        if (ImageHeader)
        {
            components.Add(new JsonObject { ["type"] = "HEADER", ["format"] = "IMAGE" });
        }

        var body = "Bonjour" + string.Concat(Enumerable.Range(1, BodyParameters).Select(i => " {{" + i.ToString(CultureInfo.InvariantCulture) + "}}"));
        components.Add(new JsonObject { ["type"] = "BODY", ["text"] = body });
        if (UrlButton)
        {
            components.Add(new JsonObject
            {
                ["type"] = "BUTTONS",
                ["buttons"] = new JsonArray(new JsonObject { ["type"] = "URL", ["text"] = "Voir", ["url"] = "https://shop.example/{{1}}" }),
            });
        }

        return new JsonObject
        {
            ["name"] = Name, ["language"] = Language, ["status"] = Status, ["category"] = Category, ["components"] = components,
            ["id"] = "fake-template-" + Name + "-" + Language,
        };
    }
}
