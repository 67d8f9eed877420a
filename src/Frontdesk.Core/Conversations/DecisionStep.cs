namespace Frontdesk.Core.Conversations;

/// <summary>One line of the engine's reasoning: the step (<c>optout</c>, <c>greeting</c>, <c>rule</c>, …), what it found, and the rule involved.</summary>
public sealed record DecisionStep(string Step, string Detail, string? RuleName = null);
