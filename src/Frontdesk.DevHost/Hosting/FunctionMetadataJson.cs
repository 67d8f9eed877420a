using System.Text.Json.Serialization;

namespace Frontdesk.DevHost.Hosting;

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<FunctionDefinition>))]
[JsonSerializable(typeof(HostJson))]
internal sealed partial class FunctionMetadataJson : JsonSerializerContext;
