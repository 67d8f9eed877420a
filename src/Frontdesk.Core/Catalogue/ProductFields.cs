namespace Frontdesk.Core.Catalogue;

/// <summary>Where in a product a term occurs; the higher the flag, the stronger the match.</summary>
[Flags]
public enum ProductFields : byte
{
    None = 0,
    Description = 1,
    Collection = 2,
    Keywords = 4,
    Title = 8,
}
