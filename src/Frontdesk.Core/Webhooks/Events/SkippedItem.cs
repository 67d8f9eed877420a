namespace Frontdesk.Core.Webhooks.Events;

/// <summary>A part of a webhook body that was left out (a malformed echo, an echo for another number), and why.</summary>
public sealed record SkippedItem(string PhoneNumberId, string? Id, string Reason);
