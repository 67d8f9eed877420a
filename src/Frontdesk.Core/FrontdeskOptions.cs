using System.ComponentModel.DataAnnotations;

namespace Frontdesk.Core;

/// <summary>The settings under <c>Frontdesk__*</c>.</summary>
public sealed class FrontdeskOptions
{
    public const string SectionName = "Frontdesk";

    /// <summary>How long rules read from the tables are kept per number before they are read again.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 30;
}
