namespace Frontdesk.Testing;

/// <summary>
/// Faults <see cref="FakeGraphServer"/> injects at random, each with its own probability (0 to 1), drawn from one
/// seeded generator so a run is repeatable for the same arrival order. At most one fault per request, drawn in the
/// order of the properties. Scripted answers (<see cref="FakeGraphServer.Enqueue"/>) go first and are never faulted.
/// </summary>
public sealed record FakeGraphFaults
{
    public int Seed { get; init; } = 1;

    /// <summary>130429 "Rate limit hit".</summary>
    public double Throttle { get; init; }

    /// <summary>The <c>Retry-After</c> header sent with a random 130429, if any.</summary>
    public TimeSpan? ThrottleRetryAfter { get; init; }

    /// <summary>131056, the pair rate limit.</summary>
    public double PairPacing { get; init; }

    /// <summary>A bare 503.</summary>
    public double ServerError { get; init; }

    /// <summary>Connection closed before handling: not accepted.</summary>
    public double DropBeforeHandling { get; init; }

    /// <summary>Connection closed after accepting: the customer receives it, the caller gets no answer.</summary>
    public double DropAfterAccepting { get; init; }

    /// <summary>A success answered after <see cref="SlowDelay"/>.</summary>
    public double Slow { get; init; }

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>When false (the default), read receipts (mark-as-read) are faulted too, as Meta's limits count them.</summary>
    public bool SpareReadReceipts { get; init; }

    /// <summary>
    /// Meta's throughput limit, enforced for real: a send arriving when this many were accepted in the last second is
    /// answered 130429. Null: no limit.
    /// </summary>
    public int? MessagesPerSecondLimit { get; init; }

    /// <summary>No fault at all: the default.</summary>
    public static FakeGraphFaults None { get; } = new();

    /// <summary>Picks the fault for one request with <paramref name="draw"/> in [0, 1), with its property's name, or null for none.</summary>
    internal (string Name, FakeGraphResponse Answer)? Pick(double draw)
    {
        (string Name, double P, Func<FakeGraphResponse> Make)[] table =
        [
            (nameof(Throttle), Throttle, () => FakeGraphResponse.Throttle(ThrottleRetryAfter)),
            (nameof(PairPacing), PairPacing, FakeGraphResponse.PairPacing),
            (nameof(ServerError), ServerError, () => FakeGraphResponse.ServerError()),
            (nameof(DropBeforeHandling), DropBeforeHandling, FakeGraphResponse.DropBeforeHandling),
            (nameof(DropAfterAccepting), DropAfterAccepting, FakeGraphResponse.DropAfterAccepting),
            (nameof(Slow), Slow, () => FakeGraphResponse.Slow(SlowDelay)),
        ];
        var edge = 0.0;
        foreach (var (name, p, make) in table)
        {
            edge += p;
            if (draw < edge)
            {
                return (name, make());
            }
        }

        return null;
    }
}
