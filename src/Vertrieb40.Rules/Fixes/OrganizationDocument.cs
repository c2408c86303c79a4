using Newtonsoft.Json;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Fixes;

/// <summary>
/// The text of an organisation document, for code fixes. Edits return a new document and change only the
/// characters they target: the rest — formatting, property order, unrelated content — stays as written.
/// </summary>
public sealed class OrganizationDocument
{
    private DocumentNode? _root;

    /// <summary>Creates a document from its text.</summary>
    public OrganizationDocument(string text, string? filePath = null)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        FilePath = filePath;
    }

    /// <summary>The JSON text.</summary>
    public string Text { get; }

    /// <summary>The file it came from (for messages).</summary>
    public string? FilePath { get; }

    /// <summary>The root value (parsed on first use). Throws <see cref="FormatException"/> when the text is not JSON.</summary>
    public DocumentNode Root => _root ??= DocumentNode.Parse(Text);

    private string NewLine => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

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
        => Root[collection] is { Kind: DocumentNodeKind.Array } list
            ? list.Items.FirstOrDefault(i => i.Kind == DocumentNodeKind.Object && i["id"]?.StringValue == id)
            : null;

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
        return Replace(node.Start, node.End, json);
    }

    /// <summary>Sets a property of an object: replaces the value when it exists, else adds the property after the last one.</summary>
    public OrganizationDocument WithProperty(DocumentNode obj, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Kind != DocumentNodeKind.Object) throw new ArgumentException("Not an object: " + obj.Pointer, nameof(obj));
        if (obj[name] is { } existing) return WithValue(existing, json);
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
        if (items.Count == 1) return Replace(array.Start + 1, array.End - 1, "");
        if (i < items.Count - 1) return Replace(item.Start, items[i + 1].Start, "");
        return Replace(items[i - 1].End, item.End, "");
    }

    /// <summary>Appends an item (JSON text) to an array.</summary>
    public OrganizationDocument WithItemAppended(DocumentNode array, string json)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Kind != DocumentNodeKind.Array) throw new ArgumentException("Not an array: " + array.Pointer, nameof(array));
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
        while (i >= 0 && Text[i] is ' ' or '\t') i--;
        return i >= 0 && Text[i] == '\n' ? Text[(i + 1)..offset] : null;
    }

    private OrganizationDocument Replace(int start, int end, string replacement)
        => new(string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(end)), FilePath);
}
