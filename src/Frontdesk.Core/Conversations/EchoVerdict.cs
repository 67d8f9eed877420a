namespace Frontdesk.Core.Conversations;

/// <summary>What an echo of the business's own message means for the customer it went to.</summary>
public enum EchoKind
{
    /// <summary>Frontdesk sent it: nothing changes.</summary>
    OwnSend,

    /// <summary>The Business app's own greeting or away message (a text in <c>BusinessAppAutoTexts</c>): not a person.</summary>
    AppAutomation,

    /// <summary>The owner typed <c>#bot on</c>: automatic replies resume.</summary>
    BotOn,

    /// <summary>The owner typed <c>#bot off</c> (optionally <c>4h</c>, <c>30m</c>, <c>2d</c>): automatic replies pause.</summary>
    BotOff,

    /// <summary>A person answered from the phone: automatic replies pause for <c>HumanPauseHours</c>.</summary>
    Human,
}

/// <summary>The kind of an echo, and for a pause, until when.</summary>
public sealed record EchoVerdict(EchoKind Kind, DateTimeOffset? PauseUntil = null, string? Detail = null);
