namespace Frontdesk.Core.WhatsApp.Graph.Wire;

/// <summary>
/// <c>POST /{phone-number-id}/conversational_automation</c>, as Meta documents it:
/// <c>{"enable_welcome_message":true,"prompts":["…"],"commands":[{"command_name":"menu","command_description":"…"}]}</c>.
/// </summary>
public sealed record GraphConversationalAutomation
{
    public bool? EnableWelcomeMessage { get; init; }

    public IReadOnlyList<string>? Prompts { get; init; }

    public IReadOnlyList<GraphCommand>? Commands { get; init; }
}

/// <summary>One chat command of <see cref="GraphConversationalAutomation"/>.</summary>
public sealed record GraphCommand(string CommandName, string CommandDescription);
