namespace Frontdesk.Core.Catalogue;

/// <summary>A thread's score array and touched list, reused across queries and catalogues.</summary>
internal sealed class SearchScratch
{
    public ProductScore[] Scores { get; private set; } = [];

    public List<int> Touched { get; } = [];

    public void EnsureCapacity(int products)
    {
        if (Scores.Length < products)
        {
            Scores = new ProductScore[products];
        }
    }
}
