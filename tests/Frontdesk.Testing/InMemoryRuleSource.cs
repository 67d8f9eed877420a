using Frontdesk.Core.Rules;

namespace Frontdesk.Testing;

/// <summary>Compiles rows held in memory, as the table source would compile them from the tables.</summary>
public sealed class InMemoryRuleSource(params TableRow[] rows) : IRuleSource
{
    public List<string?> Validated { get; } = [];

    public ValueTask<RuleBook> GetRuleBookAsync(string phoneNumberId, CancellationToken cancellationToken = default) =>
        ReadRuleBookAsync(phoneNumberId, cancellationToken);

    public ValueTask<RuleBook> ReadRuleBookAsync(string phoneNumberId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(RuleBookCompiler.Compile(phoneNumberId, rows));

    public ValueTask<IReadOnlyList<RuleProblem>> ValidateAsync(string? phoneNumberId, CancellationToken cancellationToken = default)
    {
        Validated.Add(phoneNumberId);
        return ValueTask.FromResult(RuleBookCompiler.Compile(phoneNumberId ?? "default", rows).Problems);
    }
}
