using System.Text.Json;
using System.Text.Json.Serialization;

namespace Frontdesk.Core.Catalogue;

/// <summary>The import report as JSON (HTTP answer, DevHost command output), without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(CatalogueImportResult))]
public sealed partial class CatalogueJsonContext : JsonSerializerContext;
