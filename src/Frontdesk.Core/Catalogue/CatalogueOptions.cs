using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core.Catalogue;

/// <summary>The settings under <c>Catalogue__*</c>.</summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    /// <summary>
    /// The most memory all numbers' cached catalogues (indexes and their product records) may take together; the
    /// least recently used is dropped beyond it and rebuilt on its next message. 512 MB holds about ten
    /// 100,000-product catalogues, or thousands of small ones, in a 2,048 MB Flex Consumption instance.
    /// </summary>
    [Range(16, 65536)]
    public int MaxIndexMegabytes { get; set; } = 512;
}
