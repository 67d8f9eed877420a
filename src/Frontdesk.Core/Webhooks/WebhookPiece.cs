namespace Frontdesk.Core.Webhooks;

/// <summary>
/// One valid webhook body cut from a larger one. <see cref="FitsQueue"/> is false for a piece that could not be cut
/// below the limit (a single giant message): it travels by claim check instead.
/// </summary>
public sealed record WebhookPiece(ReadOnlyMemory<byte> Body, bool FitsQueue);
