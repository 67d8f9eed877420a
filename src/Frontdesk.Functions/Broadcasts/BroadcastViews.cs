using System.Text.Json;
using Frontdesk.Core.Broadcasts;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Broadcasts;

/// <summary>Turns a summary into the endpoints' JSON answer.</summary>
internal static class BroadcastViews
{
    public static BroadcastView From(BroadcastSummary s, DateTimeOffset now, bool? started = null)
    {
        var progress = BroadcastProgress.Of(s, now);
        return new BroadcastView
        {
            Id = s.Id,
            PhoneNumberId = s.PhoneNumberId,
            Name = s.Name,
            Template = s.Purpose,
            Category = s.Marketing ? "marketing" : "utility",
            State = s.State.ToString(),
            Started = started,
            Planned = s.Planned,
            Sent = s.Sent,
            Delivered = s.Delivered,
            Read = s.Read,
            Failed = s.Failed,
            Skipped = s.Skipped,
            Deferred = s.Deferred,
            Cancelled = s.Cancelled,
            Unknown = s.Unknown,
            Remaining = Math.Max(0, s.Planned - s.Settled),
            FirstErrors = s.FirstErrors,
            CreatedAt = s.CreatedAt,
            StartAt = s.StartAt,
            StartedAt = s.StartedAt,
            FinishedAt = s.FinishedAt,
            MessagesPerSecond = s.MessagesPerSecond,
            RateAchieved = progress.RateAchieved,
            EstimatedEnd = progress.EstimatedEnd,
            NextWindowAt = s.NextWindowAt,
            BackoffUntil = s.BackoffUntil,
            Warning = s.Warning,
        };
    }

    public static ContentResult Json(BroadcastView view, int status) => new()
    {
        Content = JsonSerializer.Serialize(view, BroadcastJsonContext.Readable.BroadcastView),
        ContentType = "application/json; charset=utf-8",
        StatusCode = status,
    };
}
