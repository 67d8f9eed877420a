namespace Frontdesk.Core.Catalogue;

/// <summary>Where each known column sits in one feed's header (names compared case-insensitively, trimmed).</summary>
internal sealed class CatalogueColumns(IReadOnlyDictionary<string, int> positions)
{
    public static CatalogueColumns From(IReadOnlyList<string> header)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            // Meta's templates sometimes spell headers with spaces ("image link"); the first occurrence wins.
            positions.TryAdd(header[i].Trim().Replace(' ', '_'), i);
        }

        return new CatalogueColumns(positions);
    }

    public bool Has(string name) => positions.ContainsKey(name);

    public int? IndexOf(string name) => positions.TryGetValue(name, out var index) ? index : null;
}
