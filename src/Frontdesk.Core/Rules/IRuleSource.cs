namespace Frontdesk.Core.Rules;

/// <summary>Where rule books come from (the tables, cached per number).</summary>
public interface IRuleSource
{
    /// <summary>The compiled rules of one business number; never null (an empty book when no rows exist).</summary>
    ValueTask<RuleBook> GetRuleBookAsync(string phoneNumberId, CancellationToken cancellationToken = default);

    /// <summary>The compiled rules read from the tables now, bypassing and not touching the cache (for the explain endpoint).</summary>
    ValueTask<RuleBook> ReadRuleBookAsync(string phoneNumberId, CancellationToken cancellationToken = default);

    /// <summary>Every problem in the tables for one number, or for every number present (and <c>default</c>) when null; read fresh, not cached.</summary>
    ValueTask<IReadOnlyList<RuleProblem>> ValidateAsync(string? phoneNumberId, CancellationToken cancellationToken = default);
}
