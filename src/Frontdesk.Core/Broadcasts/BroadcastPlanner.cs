using System.Globalization;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// Starts a broadcast: checks the whole request (naming every problem, queueing nothing when there is one), resolves
/// the audience against the Contacts table (opted-out customers, and customers out of marketing for a marketing
/// template, are written as skipped), writes the broadcast and its recipients, and queues its first fan-out page at
/// <c>startAt</c>. The same id again returns the stored broadcast and starts nothing.
/// </summary>
public sealed partial class BroadcastPlanner(
    IBroadcastStore store,
    IBroadcastTemplates templates,
    IBroadcastAudience audience,
    IBroadcastFanoutQueue fanout,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<BroadcastPlanner> logger)
{
    public const int MaxNameLength = 200;

    public const int MaxParameterLength = 1024;

    public const int MaxParameters = 20;

    public async Task<BroadcastStartResult> StartAsync(BroadcastRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<BroadcastProblem>();
        var number = CheckNumber(request.PhoneNumberId, problems);
        var id = request.Id?.Trim();
        if (id is { Length: > 0 } && !BroadcastKeys.IsValidId(id))
        {
            problems.Add(new("id", $"id '{Quote(id)}' must be {BroadcastKeys.IdFormat}."));
        }

        if (problems.Count > 0)
        {
            return BroadcastStartResult.Refused(problems);
        }

        if (id is { Length: > 0 } && await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            Log.Started(logger, existing.Id, existing.PhoneNumberId, existing.Planned, existing.Skipped, "already exists: returned as it is, nothing new started");
            return new BroadcastStartResult(existing, Created: false, []);
        }

        var template = await CheckTemplateAsync(number, request, problems, cancellationToken).ConfigureAwait(false);
        CheckDetails(request, problems);
        var contacts = await audience.ReadContactsAsync(number, cancellationToken).ConfigureAwait(false);
        var entries = Audience(request, contacts, problems);
        if (problems.Count > 0 || template is null)
        {
            return BroadcastStartResult.Refused(problems);
        }

        var now = time.GetUtcNow();
        id = id is { Length: > 0 } ? id : NewId(now);
        var recipients = Recipients(entries, contacts, template.Marketing);
        var skipped = recipients.Count(r => r.State == RecipientState.Skipped);
        var summary = new BroadcastSummary
        {
            Id = id,
            PhoneNumberId = number,
            Name = request.Name?.Trim(),
            Purpose = template.Purpose,
            Marketing = template.Marketing,
            State = skipped == recipients.Count ? BroadcastState.Done : BroadcastState.Scheduled,
            Planned = recipients.Count,
            Skipped = skipped,
            Settled = skipped,
            Parameters = request.Parameters,
            CreatedAt = now,
            StartAt = request.StartAt > now ? request.StartAt : null,
            FinishedAt = skipped == recipients.Count ? now : null,
            MessagesPerSecond = options.Value.MessagesPerSecond,
            FanoutToken = Guid.NewGuid().ToString("N"),
            FirstErrors = [.. recipients.Where(r => r.Error is not null).Take(BroadcastSummary.MaxFirstErrors).Select(r => $"{r.WaId}: {r.Error}")],
        };

        var (stored, created) = await store.CreateAsync(summary, recipients, cancellationToken).ConfigureAwait(false);
        if (created && stored.State == BroadcastState.Scheduled)
        {
            var delay = stored.StartAt is { } at ? at - now : TimeSpan.Zero;
            await fanout.EnqueueAsync(stored.Id, stored.FanoutToken, delay, cancellationToken).ConfigureAwait(false);
        }

        Log.Started(logger, stored.Id, stored.PhoneNumberId, stored.Planned, stored.Skipped,
            !created ? "already exists: returned as it is, nothing new started"
            : stored.StartAt is { } start ? $"scheduled for {start:u}"
            : stored.State == BroadcastState.Done ? "every recipient skipped: nothing to send" : "sending");
        return new BroadcastStartResult(stored, created, []);
    }

    private static string CheckNumber(string? text, List<BroadcastProblem> problems)
    {
        if (PhoneNumberId.TryParse(text, out var number))
        {
            return number.Value;
        }

        problems.Add(new("phoneNumberId", string.IsNullOrWhiteSpace(text)
            ? "phoneNumberId is missing: the number to send from."
            : $"phoneNumberId '{Quote(text)}' must be {PhoneNumberId.Format}."));
        return string.Empty;
    }

    private async Task<BroadcastTemplate?> CheckTemplateAsync(string number, BroadcastRequest request, List<BroadcastProblem> problems, CancellationToken cancellationToken)
    {
        var purpose = request.Template?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            problems.Add(new("template", "template is missing: the purpose (RowKey) of a Templates row."));
            return null;
        }

        if (purpose.Length > 100 || purpose.Any(char.IsControl))
        {
            problems.Add(new("template", $"template '{Quote(purpose)}' is not a Templates RowKey."));
            return null;
        }

        var template = await templates.FindAsync(number, purpose, cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            problems.Add(new("template", $"template '{purpose}' is not a purpose in the Templates table for {number} or default (RowKey, e.g. back-in-stock)."));
            return null;
        }

        foreach (var missing in template.Parameters.Where(p => !request.Parameters.ContainsKey(p)))
        {
            problems.Add(new($"parameters.{missing}", $"template '{purpose}' uses {{{{param.{missing}}}}}: add parameters.{missing}."));
        }

        return template;
    }

    private static void CheckDetails(BroadcastRequest request, List<BroadcastProblem> problems)
    {
        if (request.Name is { Length: > MaxNameLength })
        {
            problems.Add(new("name", $"name is {request.Name.Length} characters; at most {MaxNameLength}."));
        }

        if (request.Parameters.Count > MaxParameters)
        {
            problems.Add(new("parameters", $"{request.Parameters.Count} parameters; at most {MaxParameters}."));
        }

        foreach (var (key, value) in request.Parameters)
        {
            if (key.Length is 0 or > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                problems.Add(new("parameters", $"parameter name '{Quote(key)}' must be 1 to 64 letters, digits, '_' or '-'."));
            }
            else if (string.IsNullOrWhiteSpace(value) || value.Length > MaxParameterLength)
            {
                problems.Add(new($"parameters.{key}", $"parameters.{key} must be 1 to {MaxParameterLength} characters (Meta refuses an empty template parameter)."));
            }
        }
    }

    /// <summary>The audience's entries, one per customer, or problems naming each bad line.</summary>
    private static List<AudienceEntry> Audience(BroadcastRequest request, IReadOnlyList<AudienceContact> contacts, List<BroadcastProblem> problems)
    {
        var label = request.Label?.Trim();
        var hasLabel = !string.IsNullOrEmpty(label);
        var hasList = request.Contacts is not null;
        if (hasLabel == hasList)
        {
            problems.Add(new("audience", hasLabel
                ? "audience has both a label and contacts: give one of them."
                : "audience is missing: give {\"label\": \"vip\"} or {\"contacts\": [\"336…\"]} (or a CSV body of wa_id[,name])."));
            return [];
        }

        if (hasLabel)
        {
            var labelled = contacts.Where(c => c.Labels.Contains(label!, StringComparer.OrdinalIgnoreCase)).Select(c => new AudienceEntry("label", c.WaId, c.Name)).ToList();
            if (labelled.Count == 0)
            {
                problems.Add(new("audience.label", $"no contact has the label '{Quote(label)}' (the Contacts table's Labels column)."));
            }

            return Limit(labelled, problems);
        }

        var entries = new List<AudienceEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in request.Contacts!)
        {
            if (!WaId.TryParse(entry.WaId, out var waId))
            {
                problems.Add(new(entry.Where, $"{entry.Where}: '{Quote(entry.WaId)}' is not {WaId.Format}."));
            }
            else if (seen.Add(waId.Value))
            {
                entries.Add(entry with { WaId = waId.Value });
            }
        }

        if (request.Contacts!.Count == 0)
        {
            problems.Add(new("audience.contacts", "the audience is empty: no contact to send to."));
        }

        return Limit(entries, problems);
    }

    private static List<AudienceEntry> Limit(List<AudienceEntry> entries, List<BroadcastProblem> problems)
    {
        if (entries.Count > InputLimits.BroadcastRecipients)
        {
            problems.Add(new("audience", $"{entries.Count} recipients; one broadcast reaches at most {InputLimits.BroadcastRecipients}: split it."));
        }

        return entries;
    }

    private static List<BroadcastRecipient> Recipients(List<AudienceEntry> entries, IReadOnlyList<AudienceContact> contacts, bool marketing)
    {
        var byId = contacts.GroupBy(c => c.WaId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. entries.Select(e =>
        {
            var contact = byId.GetValueOrDefault(e.WaId);
            var reason = contact switch
            {
                { OptedOut: true } => "opted out (STOP)",
                { MarketingOptOut: true } when marketing => "stopped marketing messages (Meta's 131050)",
                _ => null,
            };
            return new BroadcastRecipient
            {
                WaId = e.WaId,
                Name = e.Name ?? contact?.Name,
                State = reason is null ? RecipientState.Planned : RecipientState.Skipped,
                Error = reason is null ? null : "skipped: " + reason,
            };
        })];
    }

    private static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"b{now.UtcDateTime:yyyyMMddHHmmss}-{Guid.NewGuid():N}")[..24];

    private static string Quote(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastStarted, LogLevel.Information,
            "Broadcast {BroadcastId} from {PhoneNumberId}: {Planned} recipients, {Skipped} skipped (opted out); {Outcome}")]
        public static partial void Started(ILogger logger, string broadcastId, string phoneNumberId, int planned, int skipped, string outcome);
    }
}

/// <summary>The stored broadcast (and whether this request created it), or the problems that refused it.</summary>
public sealed record BroadcastStartResult(BroadcastSummary? Summary, bool Created, IReadOnlyList<BroadcastProblem> Problems)
{
    public static BroadcastStartResult Refused(IReadOnlyList<BroadcastProblem> problems) => new(null, false, problems);
}
