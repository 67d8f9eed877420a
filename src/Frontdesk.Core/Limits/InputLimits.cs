namespace Frontdesk.Core.Limits;

/// <summary>
/// What Frontdesk's own HTTP surfaces accept, checked before any work and answered with 413 or 400 ProblemDetails
/// (docs/security.md lists them per surface). Meta's limits on what Frontdesk sends are next door, in
/// <see cref="WhatsAppLimits"/>; where a bound mirrors one of Meta's, it is defined from it.
/// </summary>
public static class InputLimits
{
    /// <summary>Meta's maximum webhook payload (reference §4).</summary>
    public const int WebhookBodyBytes = 3 * 1024 * 1024;

    /// <summary>A JSON body sent to an operator endpoint (<c>/api/manage/*</c>): a request, never a data set.</summary>
    public const int OperatorJsonBytes = 64 * 1024;

    /// <summary>A catalogue CSV: the Functions host's own request limit. A 100,000-product feed is about 30 MB.</summary>
    public const int CatalogueCsvBytes = 100 * 1024 * 1024;

    /// <summary>Products in one catalogue import; twice the 100,000 the search is measured at (docs/performance.md).</summary>
    public const int CatalogueRows = 200_000;

    /// <summary>Recipients of one broadcast (a label or a list): Meta's 100,000 tier; a larger audience is split into several.</summary>
    public const int BroadcastRecipients = 100_000;

    /// <summary>A broadcast's CSV audience: 100,000 lines of wa_id and a name.</summary>
    public const int BroadcastCsvBytes = 8 * 1024 * 1024;

    /// <summary>A customer's text, as an operator gives it to <c>explain</c>: WhatsApp's own text limit.</summary>
    public const int CustomerText = WhatsAppLimits.TextBody;

    /// <summary>A tapped button's or picked row's id: the longer of Meta's button id and row id.</summary>
    public const int ReplyId = WhatsAppLimits.ButtonId;

    /// <summary>A customer's profile name, as an operator gives it to <c>explain</c>.</summary>
    public const int ProfileName = 256;

    /// <summary>A message id (<c>wamid.…</c>, about 60 characters) in a signed webhook; it becomes a table key.</summary>
    public const int MessageId = 256;

    /// <summary>The <c>hub.challenge</c> echoed by the handshake, and the verify token compared with ours.</summary>
    public const int HandshakeParameter = 1024;

    /// <summary>
    /// How long an operator request whose work grows with its input (<c>explain</c>, <c>validate</c>, an import) may
    /// run before it is stopped with a 503 ProblemDetails. Regex rules keep their own match timeout besides.
    /// </summary>
    public static readonly TimeSpan OperatorBudget = TimeSpan.FromSeconds(10);

    /// <summary>The budget of starting a broadcast, whose recipients are all written before the answer.</summary>
    public static readonly TimeSpan BroadcastBudget = TimeSpan.FromMinutes(2);

    /// <summary>The budget of a catalogue import, whose work grows with a CSV of up to <see cref="CatalogueCsvBytes"/>.</summary>
    public static readonly TimeSpan ImportBudget = TimeSpan.FromMinutes(4);
}
