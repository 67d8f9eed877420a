using System.Text.Json;
using System.Text.Json.Nodes;

using Frontdesk.Core.Webhooks;

namespace Frontdesk.Core.Tests.Webhooks;

/// <summary>
/// The splitter as it was before it measured items instead of re-serialising every candidate piece (commit da16692):
/// slow (quadratic) but obviously right, kept as the oracle the faster one must match byte for byte.
/// </summary>
internal static class ReferenceWebhookSplitter
{
    private static readonly JsonSerializerOptions s_compact = new() { WriteIndented = false };

    public static IReadOnlyList<WebhookPiece> Split(ReadOnlyMemory<byte> body, int maxPieceBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieceBytes, 256);
        if (body.Length <= maxPieceBytes)
        {
            return [new WebhookPiece(body, FitsQueue: true)];
        }

        var root = JsonNode.Parse(body.Span) as JsonObject
            ?? throw new ArgumentException("A webhook body is a JSON object.", nameof(body));
        var pieces = new List<WebhookPiece>();
        var entries = root["entry"] as JsonArray ?? [];
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var changes = entry["changes"] as JsonArray ?? [];
            foreach (var change in changes.OfType<JsonObject>())
            {
                var packer = new PiecePacker(root, entry, change, maxPieceBytes, pieces);
                foreach (var unit in Units(change))
                {
                    packer.Add(unit);
                }

                packer.Flush();
            }
        }

        return pieces;
    }

    /// <summary>The smallest parts of a change that may travel apart: each message (with its sender), each status, the rest.</summary>
    private static IEnumerable<Unit> Units(JsonObject change)
    {
        var value = change["value"] as JsonObject;
        if (value is null)
        {
            yield return new Unit([], [], [], [], WholeChange: true);
            yield break;
        }

        var contacts = (value["contacts"] as JsonArray ?? []).OfType<JsonNode>().ToList();
        var unclaimed = new List<JsonNode>(contacts);
        foreach (var message in (value["messages"] as JsonArray ?? []).OfType<JsonNode>())
        {
            var from = message["from"]?.GetValue<string>();
            var senders = contacts.Where(c => c["wa_id"]?.GetValue<string>() == from).ToList();
            unclaimed.RemoveAll(senders.Contains);
            yield return new Unit([message], [], senders, [], WholeChange: false);
        }

        foreach (var status in (value["statuses"] as JsonArray ?? []).OfType<JsonNode>())
        {
            yield return new Unit([], [status], [], [], WholeChange: false);
        }

        var errors = (value["errors"] as JsonArray ?? []).OfType<JsonNode>().ToList();
        if (errors.Count > 0 || unclaimed.Count > 0)
        {
            // Change-level errors and contacts no message refers to still travel, once.
            yield return new Unit([], [], unclaimed, errors, WholeChange: false);
        }
    }

    private sealed record Unit(
        IReadOnlyList<JsonNode> Messages,
        IReadOnlyList<JsonNode> Statuses,
        IReadOnlyList<JsonNode> Contacts,
        IReadOnlyList<JsonNode> Errors,
        bool WholeChange);

    /// <summary>Greedily fills pieces of one change, measuring each candidate piece by serialising it.</summary>
    private sealed class PiecePacker(JsonObject root, JsonObject entry, JsonObject change, int maxBytes, List<WebhookPiece> output)
    {
        private readonly List<Unit> _current = [];
        private byte[]? _currentBytes;

        public void Add(Unit unit)
        {
            if (unit.WholeChange)
            {
                output.Add(Fit(Build([unit])));
                return;
            }

            _current.Add(unit);
            var candidate = Build(_current);
            if (candidate.Length <= maxBytes)
            {
                _currentBytes = candidate;
                return;
            }

            _current.RemoveAt(_current.Count - 1);
            Flush();
            _current.Add(unit);
            _currentBytes = Build(_current);
        }

        public void Flush()
        {
            if (_current.Count > 0 && _currentBytes is not null)
            {
                output.Add(Fit(_currentBytes));
            }

            _current.Clear();
            _currentBytes = null;
        }

        private WebhookPiece Fit(byte[] bytes) => new(bytes, bytes.Length <= maxBytes);

        private byte[] Build(IReadOnlyList<Unit> units)
        {
            var piece = new JsonObject();
            foreach (var (name, node) in root)
            {
                piece[name] = name == "entry" ? new JsonArray(BuildEntry(units)) : node?.DeepClone();
            }

            return JsonSerializer.SerializeToUtf8Bytes(piece, s_compact);
        }

        private JsonObject BuildEntry(IReadOnlyList<Unit> units)
        {
            var copy = new JsonObject();
            foreach (var (name, node) in entry)
            {
                copy[name] = name == "changes" ? new JsonArray(BuildChange(units)) : node?.DeepClone();
            }

            return copy;
        }

        private JsonObject BuildChange(IReadOnlyList<Unit> units)
        {
            if (units.Any(u => u.WholeChange) || change["value"] is not JsonObject value)
            {
                return (JsonObject)change.DeepClone();
            }

            var copy = new JsonObject();
            foreach (var (name, node) in change)
            {
                copy[name] = name == "value" ? BuildValue(value, units) : node?.DeepClone();
            }

            return copy;
        }

        private static JsonObject BuildValue(JsonObject value, IReadOnlyList<Unit> units)
        {
            var copy = new JsonObject();
            foreach (var (name, node) in value)
            {
                switch (name)
                {
                    case "contacts":
                        AddArray(copy, name, units.SelectMany(u => u.Contacts).Distinct());
                        break;
                    case "messages":
                        AddArray(copy, name, units.SelectMany(u => u.Messages));
                        break;
                    case "statuses":
                        AddArray(copy, name, units.SelectMany(u => u.Statuses));
                        break;
                    case "errors":
                        AddArray(copy, name, units.SelectMany(u => u.Errors));
                        break;
                    default:
                        copy[name] = node?.DeepClone();
                        break;
                }
            }

            return copy;
        }

        private static void AddArray(JsonObject target, string name, IEnumerable<JsonNode> items)
        {
            var array = new JsonArray(items.Select(i => i.DeepClone()).ToArray());
            if (array.Count > 0)
            {
                target[name] = array;
            }
        }
    }
}
