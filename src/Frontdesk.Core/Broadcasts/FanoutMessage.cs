namespace Frontdesk.Core.Broadcasts;

/// <summary>A message on <c>broadcast-fanout</c>: queue the next page of <see cref="BroadcastId"/>, if <see cref="Token"/> is still its chain.</summary>
public sealed record FanoutMessage(string BroadcastId, string Token);
