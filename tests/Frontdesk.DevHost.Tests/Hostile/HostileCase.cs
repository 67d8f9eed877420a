namespace Frontdesk.DevHost.Tests.Hostile;

/// <summary>What the suite checks after a hostile request, besides its status and ProblemDetails body.</summary>
public enum HostileOutcome
{
    /// <summary>Refused at the door: nothing queued, written, poisoned or sent.</summary>
    Refused,

    /// <summary>Signed by Meta, so queued and answered 200; every item in it skipped: nothing written, poisoned or sent.</summary>
    Skipped,

    /// <summary>Odd but legitimate: handled as usual (rows may be written); nothing poisoned.</summary>
    Handled,
}

/// <summary>One hostile request: how to build it, the status it must get, and the field a 400 must name.</summary>
public sealed record HostileCase(
    string Name,
    Func<HttpRequestMessage> Request,
    int Status,
    HostileOutcome Outcome = HostileOutcome.Refused,
    string? Parameter = null,
    string? Detail = null)
{
    public override string ToString() => Name;
}
