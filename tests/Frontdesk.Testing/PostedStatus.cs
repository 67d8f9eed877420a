namespace Frontdesk.Testing;

/// <summary>One status webhook <see cref="FakeGraphServer"/> posted back, and what the webhook answered.</summary>
/// <param name="Status">sent, delivered, read or failed.</param>
/// <param name="HttpStatus">The last answer's status; 0 when every attempt failed to connect or timed out.</param>
/// <param name="Attempts">POSTs until a 200 (or until giving up), duplicates not counted.</param>
public sealed record PostedStatus(string WamId, string Status, string To, string? CallbackData, int HttpStatus, int Attempts)
{
    public bool Delivered => HttpStatus == 200;
}
