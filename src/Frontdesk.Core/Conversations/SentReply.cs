namespace Frontdesk.Core.Conversations;

/// <summary>A reply Meta accepted: indexed by its wamid, so an echo of it is known as Frontdesk's own.</summary>
public sealed record SentReply(string IdempotencyKey, string To, string WamId);
