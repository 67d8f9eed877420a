namespace Frontdesk.Core.Rules;

/// <summary>When a rule applies (Rules column <c>When</c>).</summary>
public enum RuleWhen
{
    Any,
    Open,
    Closed,
}
