namespace Frontdesk.Storage.Inbox;

/// <summary>A webhook body read from the inbox, and the blob it came from when it was claim-checked.</summary>
public sealed record InboxBody(ReadOnlyMemory<byte> Body, string? ClaimCheckBlob);
