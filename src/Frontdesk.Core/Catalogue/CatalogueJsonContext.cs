using System.Text.Json;
using System.Text.Json.Serialization;

namespace Frontdesk.Core.Catalogue;

/// <summary>The import report as JSON (HTTP answer, DevHost command output), without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(CatalogueImportResult))]
public sealed partial class CatalogueJsonContext : JsonSerializerContext
{
    /// <summary>For output people read: accents and € as UTF-8, not <c>\u00E9</c> escapes.</summary>
    public static CatalogueJsonContext Readable => s_readable ??= new(Text.ReadableJson.Options(Default.Options));

    private static CatalogueJsonContext? s_readable;
}
