using System.Text.Json.Nodes;
using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Graph;

namespace Frontdesk.Core.Tests.WhatsApp;

public sealed class GraphComponentsClientTests
{
    [Fact]
    public void Body_IsMetasDocumentedShape()
    {
        var components = new ConversationalComponents(true, ["Voir le menu", "Nos horaires"], [new ChatCommand("menu", "Voir le menu")]);

        var json = GraphComponentsClient.Json(GraphComponentsClient.Body(components));

        JsonAssert.Equivalent("""
            {"enable_welcome_message":true,"prompts":["Voir le menu","Nos horaires"],"commands":[{"command_name":"menu","command_description":"Voir le menu"}]}
            """, json);
    }

    [Fact]
    public void Body_WithoutAWelcomeRow_LeavesTheSwitchAlone()
    {
        var json = GraphComponentsClient.Json(GraphComponentsClient.Body(new ConversationalComponents(null, ["Hi"], [])));

        Assert.False(JsonNode.Parse(json)!.AsObject().ContainsKey("enable_welcome_message"));
    }
}
