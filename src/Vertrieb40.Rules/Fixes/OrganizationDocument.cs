using Newtonsoft.Json;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Fixes;

/// <summary>
/// The text of an organisation document, for code fixes. Edits return a new document and change only the
/// characters they target: the rest — formatting, property order, unrelated content — stays as written.
/// </summary>
internal sealed class OrganizationDocument
{
    // The parsed text a document (and the deferred edits on it) refers to; shared by the documents a fix run derives.
    private sealed class Snapshot(string text)
    {
        public readonly string Text = text;
        public DocumentNode? Root;
        public string? NewLine;
        public Dictionary<string, Dictionary<string, DocumentNode>>? Entities;
        public Dictionary<(string, string), Dictionary<string, List<DocumentNode>>>? ItemsBy;
    }

    // Deferred edits, in the snapshot's offsets, appended by the documents of one fix run (each document sees the
    // first `_count` of them). Sorted by start for the overlap check: O(log n) per edit.
    private sealed class EditLog
    {
        public readonly List<(int Start, int End, string Text)> Items = new();
        public readonly SortedSet<(int Start, int Seq, int End, bool Deletion)> ByStart = new(); // Seq from 1
    }

    private readonly Snapshot _base;
    private readonly EditLog? _log;
    private readonly int _count;
    private string? _text;

    /// <summary>Creates a document from its text.</summary>
    public OrganizationDocument(string text, string? filePath = null)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        _base = new Snapshot(text);
        FilePath = filePath;
    }

    private OrganizationDocument(Snapshot snapshot, EditLog log, int count, string? filePath)
    {
        _base = snapshot;
        _log = log;
        _count = count;
        FilePath = filePath;
    }

    /// <summary>True for a YAML document (by its file name): edits keep YAML's block layout and comments.</summary>
    public bool IsYaml => Reading.OrganizationReader.IsYaml(FilePath);

    /// <summary>The document's text (JSON or YAML).</summary>
    public string Text
    {
        get => _count == 0 ? _base.Text : _text ??= Materialize();
        private init => _text = value;
    }

    /// <summary>The file it came from (for messages).</summary>
    public string? FilePath { get; }

    /// <summary>The root value (parsed on first use). Throws <see cref="FormatException"/> when the text is not JSON.</summary>
    /// <remarks>On a document of a fix run with deferred edits this is the tree of the text the run started from.</remarks>
    public DocumentNode Root => _base.Root ??= IsYaml ? DocumentNode.ParseYaml(_base.Text) : DocumentNode.Parse(_base.Text);

    private string NewLine => _base.NewLine ??= _base.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    // Fix All used to re-concatenate and re-parse the whole text after every edit (10,000 people: 7 s; 100,000:
    // over ten minutes). A deferred document records edits against one parsed snapshot and builds the text once.
    internal bool IsDeferred => _log != null;

    /// <summary>A document on the same text whose edits are recorded, not applied (see <see cref="Materialize"/>).</summary>
    internal OrganizationDocument Deferred() => new(_count == 0 ? _base : new Snapshot(Text), new EditLog(), 0, FilePath);

    /// <summary>Drops the parsed tree and the indexes (a fix run is done with them); they are rebuilt on next use.</summary>
    internal void ReleaseTree()
    {
        _base.Root = null;
        _base.Entities = null;
        _base.ItemsBy = null;
    }

    /// <summary>An ordinary document with the edits applied (its <see cref="Root"/> shows them).</summary>
    internal OrganizationDocument Flattened() => _count == 0 && _log is null ? this : new OrganizationDocument(Text, FilePath);

    /// <summary>True when both documents have the same text, without building it where the edit log tells.</summary>
    internal bool SameText(OrganizationDocument other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (ReferenceEquals(_base, other._base) && ReferenceEquals(_log, other._log)) return _count == other._count;
        return string.Equals(Text, other.Text, StringComparison.Ordinal);
    }

    private string Materialize()
    {
        var edits = _log!.Items.Take(_count).Select((e, i) => (e.Start, e.End, e.Text, Seq: i)).OrderBy(e => e.Start).ThenBy(e => e.Seq).ToList();
        // Built in place at its exact length: a StringBuilder held the text twice at the end (a million people: 280 MB more).
        var length = _base.Text.Length + edits.Sum(e => (long)e.Text.Length - (e.End - e.Start));
        return string.Create(checked((int)length), (Text: _base.Text, Edits: edits), static (span, state) =>
        {
            var at = 0;
            var to = 0;
            foreach (var e in state.Edits)
            {
                state.Text.AsSpan(at, e.Start - at).CopyTo(span[to..]);
                to += e.Start - at;
                e.Text.AsSpan().CopyTo(span[to..]);
                to += e.Text.Length;
                at = e.End;
            }
            state.Text.AsSpan(at).CopyTo(span[to..]);
        });
    }

    /// <summary>Thrown when a deferred edit touches an earlier one: the caller redoes the fix on the applied text.</summary>
    internal sealed class StaleEditException() : InvalidOperationException("A fix edits text that an earlier fix changed.");

    // Every item of every array, by the string value of one property (first use: one pass over the array).
    internal IReadOnlyList<DocumentNode> ItemsWhere(string collection, string property, string value)
    {
        _base.ItemsBy ??= new();
        if (!_base.ItemsBy.TryGetValue((collection, property), out var map))
        {
            map = new Dictionary<string, List<DocumentNode>>(StringComparer.Ordinal);
            if (Root[collection] is { Kind: DocumentNodeKind.Array } list)
                foreach (var item in list.Items)
                    if (item.StringProperty(property) is { } v)
                    {
                        if (!map.TryGetValue(v, out var l)) map[v] = l = new List<DocumentNode>();
                        l.Add(item);
                    }
            _base.ItemsBy[(collection, property)] = map;
        }
        return map.TryGetValue(value, out var found) ? found : Array.Empty<DocumentNode>();
    }

    /// <summary>The node at a JSON Pointer, or null.</summary>
    public DocumentNode? Find(string pointer)
    {
        var node = Root;
        foreach (var segment in JsonPointer.Parse(pointer))
        {
            node = node.Kind switch
            {
                DocumentNodeKind.Object => node[segment],
                DocumentNodeKind.Array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < node.Items.Count => node.Items[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The entity object with <paramref name="id"/> in the collection (e.g. <c>incentivePlans</c>), found by id so that earlier edits that moved it do not matter.</summary>
    public DocumentNode? FindEntity(string collection, string id)
    {
        ArgumentNullException.ThrowIfNull(collection);
        // An index per collection (the first entity of an id wins, as a linear search would find it): one fix per
        // finding looked each entity up in the whole list, quadratic at a million people.
        _base.Entities ??= new(StringComparer.Ordinal);
        if (!_base.Entities.TryGetValue(collection, out var byId))
        {
            byId = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
            if (Root[collection] is { Kind: DocumentNodeKind.Array } list)
                foreach (var i in list.Items)
                    if (i.StringProperty("id") is { } key) byId.TryAdd(key, i);
            _base.Entities[collection] = byId;
        }
        return id != null && byId.TryGetValue(id, out var node) ? node : null;
    }

    /// <summary>The entity a diagnostic points at: by entity kind and id when the location names them, else by JSON Pointer.</summary>
    public DocumentNode? FindEntity(Diagnostics.Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.EntityKind != null && location.EntityId != null) return FindEntity(location.EntityKind, location.EntityId);
        return location.JsonPointer.Length > 0 ? Find(location.JsonPointer) : null;
    }

    /// <summary>A JSON string literal for a value.</summary>
    public static string Literal(string value) => JsonConvert.ToString(value);

    /// <summary>Replaces a value with JSON text.</summary>
    public OrganizationDocument WithValue(DocumentNode node, string json)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Replace(node.Start, node.End, IsYaml ? YamlText.Value(json) : json);
    }

    /// <summary>Sets a property of an object: replaces the value when it exists, else adds the property after the last one.</summary>
    public OrganizationDocument WithProperty(DocumentNode obj, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Kind != DocumentNodeKind.Object) throw new ArgumentException("Not an object: " + obj.Pointer, nameof(obj));
        if (obj[name] is { } existing) return WithValue(existing, json);
        if (obj.IsBlock && obj.PropertyCount > 0)
        {
            // A new line at the indentation of the other properties, after the last one's line (and its comment).
            var lastProperty = obj.LastProperty;
            var at = YamlText.LineEnd(_base.Text, lastProperty.Value.End);
            return Replace(at, at, NewLine + YamlText.IndentOf(_base.Text, lastProperty.NameStart) + YamlText.Key(name) + ": " + YamlText.Value(json));
        }
        if (IsYaml) json = YamlText.Value(json);
        var property = Literal(name) + ": " + json;
        if (obj.PropertyCount == 0) return Replace(obj.Start + 1, obj.End - 1, property);
        var last = obj.LastProperty;
        var separator = LineBreakBefore(last.NameStart) is { } indent ? "," + NewLine + indent : ", ";
        return Replace(last.Value.End, last.Value.End, separator + property);
    }

    /// <summary>Removes an item of an array, with its separator.</summary>
    public OrganizationDocument WithoutItem(DocumentNode item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var array = item.Parent;
        if (array is null || array.Kind != DocumentNodeKind.Array) throw new ArgumentException("Not an array item: " + item.Pointer, nameof(item));
        var items = array.Items;
        var i = IndexOf(items, item);
        if (array.IsBlock) return WithoutBlockItems(array, i, i);
        if (items.Count == 1) return Replace(array.Start + 1, array.End - 1, "");
        if (i < items.Count - 1) return Replace(item.Start, items[i + 1].Start, "");
        return Replace(items[i - 1].End, item.End, "");
    }

    /// <summary>Appends an item (JSON text) to an array.</summary>
    public OrganizationDocument WithItemAppended(DocumentNode array, string json)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Kind != DocumentNodeKind.Array) throw new ArgumentException("Not an array: " + array.Pointer, nameof(array));
        if (IsYaml) json = YamlText.Value(json);
        if (array.IsBlock && array.Items.Count > 0)
        {
            // "- item" on a new line, at the indentation of the last item's dash.
            var lastItem = array.Items[^1];
            var dash = YamlText.DashBefore(_base.Text, lastItem.Start);
            var at = YamlText.LineEnd(_base.Text, lastItem.End);
            return Replace(at, at, NewLine + YamlText.IndentOf(_base.Text, dash) + "- " + json);
        }
        if (array.Items.Count == 0) return Replace(array.Start + 1, array.End - 1, json);
        var last = array.Items[^1];
        var separator = LineBreakBefore(last.Start) is { } indent ? "," + NewLine + indent : ", ";
        return Replace(last.End, last.End, separator + json);
    }

    private static int IndexOf(IReadOnlyList<DocumentNode> items, DocumentNode item)
    {
        for (var i = 0; i < items.Count; i++) if (ReferenceEquals(items[i], item)) return i;
        throw new ArgumentException("The node does not belong to this document.", nameof(item));
    }

    // The indentation of a token that starts its own line, or null when something precedes it on the line.
    private string? LineBreakBefore(int offset)
    {
        var i = offset - 1;
        var text = _base.Text;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        return i >= 0 && text[i] == '\n' ? text[(i + 1)..offset] : null;
    }

    /// <summary>Removes several items of one array, with their separators (one edit per run of neighbours).</summary>
    internal OrganizationDocument WithoutItems(DocumentNode array, IReadOnlyCollection<DocumentNode> remove)
    {
        var items = array.Items;
        var gone = new HashSet<DocumentNode>(remove, ReferenceEqualityComparer.Instance);
        if (gone.Count == 0) return this;
        if (array.IsBlock)
        {
            var edited = this;
            for (var b = items.Count - 1; b >= 0; b--)
            {
                if (!gone.Contains(items[b])) continue;
                var a = b;
                while (a > 0 && gone.Contains(items[a - 1])) a--;
                edited = edited.WithoutBlockItems(array, a, b);
                b = a;
            }
            return edited;
        }
        if (items.All(gone.Contains)) return Replace(array.Start + 1, array.End - 1, "");
        var document = this;
        // From the end, so that on an ordinary document the offsets before an edit stay valid.
        for (var b = items.Count - 1; b >= 0; b--)
        {
            if (!gone.Contains(items[b])) continue;
            var a = b;
            while (a > 0 && gone.Contains(items[a - 1])) a--;
            document = b < items.Count - 1 ? document.Replace(items[a].Start, items[b + 1].Start, "") : document.Replace(items[a - 1].End, items[b].End, "");
            b = a;
        }
        return document;
    }

    // Removes items first..last of a YAML block sequence: whole lines, from the first item's dash to the line after the
    // last one (comments on other lines stay). Removing every item leaves an empty flow list after the key: "steps: []".
    private OrganizationDocument WithoutBlockItems(DocumentNode array, int first, int last)
    {
        var text = _base.Text;
        var items = array.Items;
        var from = YamlText.LineStart(text, YamlText.DashBefore(text, items[first].Start));
        if (first == 0 && last == items.Count - 1)
        {
            var dash = YamlText.DashBefore(text, items[0].Start);
            var colon = dash - 1;
            while (colon >= 0 && char.IsWhiteSpace(text[colon])) colon--;
            var end = YamlText.LineEnd(text, items[^1].End);
            // After "key:" the list becomes " []" on the key's line; elsewhere (a comment in between, a top-level list) "[]" takes the first dash's place.
            return colon >= 0 && text[colon] == ':' ? Replace(colon + 1, end, " []") : Replace(dash, end, "[]");
        }
        var to = last < items.Count - 1
            ? YamlText.LineStart(text, YamlText.DashBefore(text, items[last + 1].Start))
            : YamlText.NextLineStart(text, items[last].End);
        return Replace(from, to, "");
    }

    private OrganizationDocument Replace(int start, int end, string replacement)
    {
        if (_log is null) return new(string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(end)), FilePath);
        if (_base.Text.AsSpan(start, end - start).SequenceEqual(replacement)) return this;
        var log = _log;
        if (_count != log.Items.Count)
        {
            // An abandoned branch (a fix that was redone): start a log with this document's edits only.
            log = new EditLog();
            for (var i = 0; i < _count; i++) Record(log, _log.Items[i].Start, _log.Items[i].End, _log.Items[i].Text);
        }
        var deletion = replacement.Length == 0 && end > start;
        // The recorded edits never overlap, so the one that starts last at or before `end` ends last among them.
        var view = log.ByStart.GetViewBetween((int.MinValue, int.MinValue, int.MinValue, false), (end, int.MaxValue, int.MaxValue, true));
        var prior = view.Max; // Seq 0 (the default): no recorded edit starts at or before `end`
        if (prior.Seq != 0)
        {
            var touchingDeletions = deletion && prior.Deletion && (prior.End == start || prior.Start == end);
            if (prior.End >= start && !touchingDeletions) throw new StaleEditException();
        }
        Record(log, start, end, replacement);
        return new OrganizationDocument(_base, log, log.Items.Count, FilePath);
    }

    private static void Record(EditLog log, int start, int end, string text)
    {
        log.ByStart.Add((start, log.Items.Count + 1, end, text.Length == 0 && end > start));
        log.Items.Add((start, end, text));
    }
}
