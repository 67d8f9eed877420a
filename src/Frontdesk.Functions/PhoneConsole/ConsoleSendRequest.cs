using Frontdesk.Core.PhoneConsole;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>
/// The body of <c>POST /api/manage/console/send</c>: one of <see cref="Text"/>, <see cref="Reply"/> (a tapped button
/// or list row) or <see cref="Order"/>, from the test contact <see cref="WaId"/> to <see cref="PhoneNumberId"/>.
/// </summary>
public sealed record ConsoleSendRequest(string? PhoneNumberId, string? WaId, string? Name, string? Text, ConsoleReply? Reply, ConsoleOrder? Order);

/// <summary>What was placed on the inbox: the message's wamid and time.</summary>
public sealed record ConsoleSendResponse(string Id, DateTimeOffset At);
