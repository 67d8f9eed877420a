namespace Frontdesk.Core.Rules;

/// <summary>The tables a business edits to describe its automatic replies and its chat's conversational components.</summary>
public enum RuleTable
{
    Settings,
    Hours,
    Rules,
    QuickReplies,
    Components,

    /// <summary>Message templates by purpose: what a business-initiated message sends outside the 24-hour window.</summary>
    Templates,
}
