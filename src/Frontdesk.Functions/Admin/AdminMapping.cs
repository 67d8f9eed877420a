using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Functions.Admin;

/// <summary>Core records to the admin endpoints' response shapes.</summary>
internal static class AdminMapping
{
    public static ProblemResponse ToResponse(RuleProblem problem) =>
        new(problem.Table, problem.PartitionKey, problem.RowKey, problem.Problem, problem.Column, problem.Length, problem.Limit);

    public static ExplainedReply ToResponse(PlannedReply reply) => reply.Body switch
    {
        TextBody t => new(reply.Kind.ToString(), reply.RuleName, "text", t.Text, null, null),
        ButtonsBody b => new(reply.Kind.ToString(), reply.RuleName, "button", b.Text, [.. b.Buttons.Select(x => x.Title)], null),
        ListBody l => new(reply.Kind.ToString(), reply.RuleName, "list", l.Text, [l.ButtonLabel],
            [.. l.Sections.SelectMany(s => s.Rows).Select(r => $"{r.Id}: {r.Title}")]),
        ProductBody p => new(reply.Kind.ToString(), reply.RuleName, "product", p.Text, null, [p.ProductRetailerId]),
        ProductListBody p => new(reply.Kind.ToString(), reply.RuleName, "product_list", p.Text, null,
            [.. p.Sections.SelectMany(s => s.ProductRetailerIds)]),
        _ => new(reply.Kind.ToString(), reply.RuleName, reply.Body.GetType().Name, null, null, null),
    };

    public static ExplainedContact ToResponse(ContactState state) => new(
        state.Name, state.FirstSeen, state.LastInbound, state.LastGreeting, state.LastAway, state.Labels, state.OptedOut, state.BotPausedUntil,
        state.PauseReason, state.LastReaction, state.MarketingOptOut);
}
