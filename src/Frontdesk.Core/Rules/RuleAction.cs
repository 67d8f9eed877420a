namespace Frontdesk.Core.Rules;

/// <summary>What a rule does besides its reply (Rules column <c>Action</c>).</summary>
public enum RuleAction
{
    None,
    Menu,
    Handoff,
    OptOut,
    OptIn,
    Catalogue,
}
