namespace Frontdesk.Functions.Admin;

/// <summary>One reply the engine would send: its kind, the rule behind it, the WhatsApp message type and what it says.</summary>
public sealed record ExplainedReply(
    string Kind,
    string? Rule,
    string Type,
    string? Text,
    IReadOnlyList<string>? Buttons,
    IReadOnlyList<string>? Rows);
