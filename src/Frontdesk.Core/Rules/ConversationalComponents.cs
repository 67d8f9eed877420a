namespace Frontdesk.Core.Rules;

/// <summary>
/// A number's conversational components as the <c>Components</c> table describes them: the welcome message switch
/// (which makes WhatsApp send <c>request_welcome</c>), up to 4 ice breakers and up to 30 <c>/commands</c>.
/// </summary>
public sealed record ConversationalComponents(bool? EnableWelcomeMessage, IReadOnlyList<string> Prompts, IReadOnlyList<ChatCommand> Commands)
{
    public static ConversationalComponents Empty { get; } = new(null, [], []);

    /// <summary>No row at all: nothing to publish.</summary>
    public bool IsEmpty => EnableWelcomeMessage is null && Prompts.Count == 0 && Commands.Count == 0;
}

/// <summary>A chat command: <paramref name="Name"/> without its slash, and the description WhatsApp shows under it.</summary>
public sealed record ChatCommand(string Name, string Description);
