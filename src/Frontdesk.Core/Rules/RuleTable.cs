namespace Frontdesk.Core.Rules;

/// <summary>The four tables a business edits to describe its automatic replies.</summary>
public enum RuleTable
{
    Settings,
    Hours,
    Rules,
    QuickReplies,
}
