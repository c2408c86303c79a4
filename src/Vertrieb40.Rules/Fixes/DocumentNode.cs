using System.Globalization;
using System.Text;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Fixes;

/// <summary>The kind of a JSON value.</summary>
public enum DocumentNodeKind
{
    /// <summary>An object.</summary>
    Object,
    /// <summary>An array.</summary>
    Array,
    /// <summary>A string.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>null.</summary>
    Null,
}

/// <summary>
/// A JSON value of an <see cref="OrganizationDocument"/> with its exact span in the text, so that fixes
/// edit only the characters they mean to change (formatting, comments-free layout and property order of
/// everything else stay as the user wrote them).
/// </summary>
public sealed partial class DocumentNode
{
    private readonly List<(string Name, int NameStart, DocumentNode Value)> _properties = new();
    private readonly List<DocumentNode> _items = new();

    private DocumentNode(DocumentNodeKind kind, string pointer, int start, DocumentNode? parent)
    {
        Kind = kind;
        Pointer = pointer;
        Start = start;
        Parent = parent;
    }

    /// <summary>The kind of value.</summary>
    public DocumentNodeKind Kind { get; }
    /// <summary>The JSON Pointer.</summary>
    public string Pointer { get; }
    /// <summary>Offset of the first character.</summary>
    public int Start { get; }
    /// <summary>Offset after the last character.</summary>
    public int End { get; private set; }
    /// <summary>The containing object or array.</summary>
    public DocumentNode? Parent { get; }
    /// <summary>The unescaped value of a string; the raw text of a number, true, false or null.</summary>
    public string? Value { get; private set; }
    /// <summary>The value of a string, or null for any other kind.</summary>
    public string? StringValue => Kind == DocumentNodeKind.String ? Value : null;
    /// <summary>True for the literal <c>true</c>.</summary>
    public bool IsTrue => Kind == DocumentNodeKind.Boolean && Value == "true";
    /// <summary>The items of an array.</summary>
    public IReadOnlyList<DocumentNode> Items => _items;
    /// <summary>The property names of an object, in document order.</summary>
    public IEnumerable<string> PropertyNames => _properties.Select(p => p.Name);
    /// <summary>The value of a property of an object, or null.</summary>
    public DocumentNode? this[string name]
    {
        get
        {
            foreach (var p in _properties) if (p.Name == name) return p.Value;
            return null;
        }
    }

    internal int PropertyNameStart(string name)
    {
        foreach (var p in _properties) if (p.Name == name) return p.NameStart;
        return -1;
    }

    /// <summary>True for a YAML block mapping or block sequence (indentation, not braces, delimits it).</summary>
    internal bool IsBlock { get; private set; }

    internal int PropertyCount => _properties.Count;
    internal (string Name, int NameStart, DocumentNode Value) LastProperty => _properties[^1];

    /// <summary>Parses text into nodes. Throws <see cref="FormatException"/> with line and column on anything that is not JSON.</summary>
    internal static DocumentNode Parse(string text)
    {
        var parser = new Parser(text);
        parser.SkipWhitespace();
        var root = parser.ParseValue("", null);
        parser.SkipWhitespace();
        if (parser.Position < text.Length) parser.Fail("additional content after the document");
        return root;
    }

    private sealed class Parser(string text)
    {
        public int Position;

        public void SkipWhitespace()
        {
            while (Position < text.Length && text[Position] is ' ' or '\t' or '\r' or '\n' or '\uFEFF') Position++;
        }

        public void Fail(string what)
        {
            var line = 1;
            var col = 1;
            for (var i = 0; i < Math.Min(Position, text.Length); i++)
                if (text[i] == '\n') { line++; col = 1; } else col++;
            throw new FormatException($"({line},{col}): {what}");
        }

        private void Expect(char c)
        {
            SkipWhitespace();
            if (Position >= text.Length || text[Position] != c) Fail($"expected '{c}'");
            Position++;
        }

        public DocumentNode ParseValue(string pointer, DocumentNode? parent)
        {
            SkipWhitespace();
            if (Position >= text.Length) Fail("unexpected end of the document");
            var c = text[Position];
            DocumentNode node;
            switch (c)
            {
                case '{':
                    node = new DocumentNode(DocumentNodeKind.Object, pointer, Position, parent);
                    Position++;
                    SkipWhitespace();
                    if (Position < text.Length && text[Position] == '}') { Position++; break; }
                    while (true)
                    {
                        SkipWhitespace();
                        var nameStart = Position;
                        if (Position >= text.Length || text[Position] != '"') Fail("expected a property name");
                        var name = ReadString();
                        Expect(':');
                        var value = ParseValue(pointer + "/" + JsonPointer.Escape(name), node);
                        node._properties.Add((name, nameStart, value));
                        SkipWhitespace();
                        if (Position < text.Length && text[Position] == ',') { Position++; continue; }
                        Expect('}');
                        break;
                    }
                    break;
                case '[':
                    node = new DocumentNode(DocumentNodeKind.Array, pointer, Position, parent);
                    Position++;
                    SkipWhitespace();
                    if (Position < text.Length && text[Position] == ']') { Position++; break; }
                    while (true)
                    {
                        node._items.Add(ParseValue(pointer + "/" + node._items.Count.ToString(CultureInfo.InvariantCulture), node));
                        SkipWhitespace();
                        if (Position < text.Length && text[Position] == ',') { Position++; continue; }
                        Expect(']');
                        break;
                    }
                    break;
                case '"':
                    node = new DocumentNode(DocumentNodeKind.String, pointer, Position, parent);
                    node.Value = ReadString();
                    break;
                default:
                    var start = Position;
                    while (Position < text.Length && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] is '-' or '+' or '.')) Position++;
                    var word = text[start..Position];
                    var kind = word switch
                    {
                        "true" or "false" => DocumentNodeKind.Boolean,
                        "null" => DocumentNodeKind.Null,
                        _ when word.Length > 0 && (char.IsAsciiDigit(word[0]) || word[0] == '-') => DocumentNodeKind.Number,
                        _ => (DocumentNodeKind?)null,
                    };
                    if (kind is null) { Position = start; Fail("expected a JSON value"); }
                    node = new DocumentNode(kind!.Value, pointer, start, parent) { Value = word };
                    break;
            }
            node.End = Position;
            return node;
        }

        private string ReadString()
        {
            Position++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (Position >= text.Length) Fail("unterminated string");
                var c = text[Position++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (Position >= text.Length) Fail("unterminated string");
                var e = text[Position++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        var code = 0;
                        if (Position + 4 > text.Length || !int.TryParse(text.AsSpan(Position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out code))
                            Fail("invalid \\u escape");
                        sb.Append((char)code);
                        Position += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }
        }
    }
}
