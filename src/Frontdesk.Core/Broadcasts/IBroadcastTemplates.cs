namespace Frontdesk.Core.Broadcasts;

/// <summary>The Templates row a broadcast names, as far as a broadcast needs it.</summary>
public interface IBroadcastTemplates
{
    /// <summary>The template of <paramref name="purpose"/> for the number (its own row, else <c>default</c>), or null.</summary>
    Task<BroadcastTemplate?> FindAsync(string phoneNumberId, string purpose, CancellationToken cancellationToken = default);
}

/// <summary>A template's purpose, whether it is marketing, and the caller parameters (<c>{{param.x}}</c>) it needs.</summary>
public sealed record BroadcastTemplate(string Purpose, bool Marketing, IReadOnlyList<string> Parameters);
