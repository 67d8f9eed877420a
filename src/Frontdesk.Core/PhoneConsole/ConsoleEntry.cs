using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>
/// One line of a test contact's conversation as the console stored it: what the customer sent
/// (<see cref="Inbound"/>) or what Frontdesk answered (<see cref="Outbound"/>, read receipts included).
/// </summary>
public sealed record ConsoleEntry(string MessageId, DateTimeOffset At, long Sequence, ConsoleMessage? Inbound, OutboundMessage? Outbound);
