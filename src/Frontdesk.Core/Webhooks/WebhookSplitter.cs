using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Frontdesk.Core.Webhooks;

/// <summary>
/// Cuts a webhook body that does not fit a queue message into smaller, valid webhook bodies: by entry, by change, and
/// within a change by message and status. Every message and status lands in exactly one piece, with the metadata of
/// its change and the contact that sent it. A body that already fits is returned untouched, byte for byte.
/// </summary>
public static class WebhookSplitter
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

    /// <summary>Serialised sizes of a unit's items: each contact (they may be shared), and the sums of the rest.</summary>
    private readonly record struct UnitSize(int[] Contacts, long Messages, long Statuses, long Errors);

    private sealed record Unit(
        IReadOnlyList<JsonNode> Messages,
        IReadOnlyList<JsonNode> Statuses,
        IReadOnlyList<JsonNode> Contacts,
        IReadOnlyList<JsonNode> Errors,
        bool WholeChange);

    /// <summary>
    /// Greedily fills pieces of one change. Compact JSON is context-free, so a piece's size is the size of the piece
    /// without its arrays plus each array's items and separators: every item is measured once and a piece is
    /// serialised only when it is complete, instead of re-serialising the growing candidate on every add (quadratic).
    /// </summary>
    private sealed class PiecePacker(JsonObject root, JsonObject entry, JsonObject change, int maxBytes, List<WebhookPiece> output)
    {
        private static readonly string[] s_arrays = ["contacts", "messages", "statuses", "errors"];

        private readonly List<Unit> _current = [];
        private readonly HashSet<JsonNode> _contacts = new(ReferenceEqualityComparer.Instance);
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter _writer = new(Stream.Null);
        private int _baseBytes = -1;
        private bool _valueHasOtherProperties;
        private int _contactItems;
        private long _contactBytes;
        private int _messageItems;
        private long _messageBytes;
        private int _statusItems;
        private long _statusBytes;
        private int _errorItems;
        private long _errorBytes;

        public void Add(Unit unit)
        {
            if (unit.WholeChange)
            {
                output.Add(Fit(Build([unit])));
                return;
            }

            var size = Measure(unit);
            if (_current.Count > 0 && SizeWith(unit, size) > maxBytes)
            {
                Flush();
            }

            Include(unit, size);
        }

        public void Flush()
        {
            if (_current.Count > 0)
            {
                output.Add(Fit(Build(_current)));
            }

            _current.Clear();
            _contacts.Clear();
            _contactItems = _messageItems = _statusItems = _errorItems = 0;
            _contactBytes = _messageBytes = _statusBytes = _errorBytes = 0;
        }

        private WebhookPiece Fit(byte[] bytes) => new(bytes, bytes.Length <= maxBytes);

        private void Include(Unit unit, UnitSize size)
        {
            _current.Add(unit);
            for (var i = 0; i < unit.Contacts.Count; i++)
            {
                if (_contacts.Add(unit.Contacts[i]))
                {
                    _contactItems++;
                    _contactBytes += size.Contacts[i];
                }
            }

            _messageItems += unit.Messages.Count;
            _messageBytes += size.Messages;
            _statusItems += unit.Statuses.Count;
            _statusBytes += size.Statuses;
            _errorItems += unit.Errors.Count;
            _errorBytes += size.Errors;
        }

        /// <summary>The exact serialised size of the current piece with <paramref name="unit"/> added.</summary>
        private long SizeWith(Unit unit, UnitSize size)
        {
            if (_baseBytes < 0)
            {
                _baseBytes = Build([]).Length;
                _valueHasOtherProperties = change["value"] is JsonObject value && value.Any(p => !s_arrays.Contains(p.Key));
            }

            var newContacts = 0;
            long newContactBytes = 0;
            var seen = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < unit.Contacts.Count; i++)
            {
                if (!_contacts.Contains(unit.Contacts[i]) && seen.Add(unit.Contacts[i]))
                {
                    newContacts++;
                    newContactBytes += size.Contacts[i];
                }
            }

            long total = _baseBytes;
            var arrays = 0;
            total += ArrayBytes("contacts", _contactItems + newContacts, _contactBytes + newContactBytes, ref arrays);
            total += ArrayBytes("messages", _messageItems + unit.Messages.Count, _messageBytes + size.Messages, ref arrays);
            total += ArrayBytes("statuses", _statusItems + unit.Statuses.Count, _statusBytes + size.Statuses, ref arrays);
            total += ArrayBytes("errors", _errorItems + unit.Errors.Count, _errorBytes + size.Errors, ref arrays);

            // One comma before each array property, except before the first one when the value holds nothing else.
            return total + arrays - (arrays > 0 && !_valueHasOtherProperties ? 1 : 0);
        }

        /// <summary><c>"name":[a,b]</c>, or nothing for an empty array (<see cref="AddArray"/> leaves those out).</summary>
        private static long ArrayBytes(string name, int items, long itemBytes, ref int arrays)
        {
            if (items == 0)
            {
                return 0;
            }

            arrays++;
            return name.Length + 3 + 2 + itemBytes + (items - 1);
        }

        private UnitSize Measure(Unit unit) => new(
            unit.Contacts.Select(Measure).ToArray(), unit.Messages.Sum(Measure), unit.Statuses.Sum(Measure), unit.Errors.Sum(Measure));

        private int Measure(JsonNode node)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            node.WriteTo(_writer);
            _writer.Flush();
            return _buffer.WrittenCount;
        }

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
