using System.Text.Json.Serialization;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Storage.Conversations;

/// <summary>The JSON columns of the HandledMessages ledger (replies to re-dispatch, the contact to save).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<OutboundMessage>))]
[JsonSerializable(typeof(ContactState))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
