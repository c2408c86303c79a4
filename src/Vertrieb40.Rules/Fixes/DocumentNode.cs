using System.Globalization;
using System.Text;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Fixes;

/// <summary>The kind of a JSON value.</summary>
internal enum DocumentNodeKind
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
/// <remarks>
/// The tree is built lazily: parsing validates the whole text once without allocating, and the children of an
/// object or array become nodes only when they are first asked for; strings are decoded and JSON Pointers
/// composed on demand. A tree that kept a pointer string, a decoded value and two lists per node took about
/// 9× the memory of analysing the same document (100,000 people: 1.5 GB); Fix All touches only the few
/// collections its fixes edit.
/// </remarks>
internal sealed partial class DocumentNode
{
    // Shared by the nodes of one parsed text: the text, and the property names seen (interned: a million people
    // have a handful of distinct names).
    private sealed class Tree(string text)
    {
        public readonly string Text = text;
        public readonly Dictionary<string, string> Names = new(StringComparer.Ordinal);
    }

    private readonly Tree _tree;
    private readonly int _nameStartOrIndex; // a property's name offset, or an array item's index
    private string? _value;
    private List<DocumentNode>? _children;

    private DocumentNode(Tree tree, DocumentNodeKind kind, int start, int end, DocumentNode? parent, string? name, int nameStartOrIndex)
    {
        _tree = tree;
        Kind = kind;
        Start = start;
        End = end;
        Parent = parent;
        Name = name;
        _nameStartOrIndex = nameStartOrIndex;
    }

    /// <summary>The kind of value.</summary>
    public DocumentNodeKind Kind { get; }
    /// <summary>The JSON Pointer (composed from the parents on each call).</summary>
    public string Pointer
    {
        get
        {
            if (Parent is null) return "";
            var segments = new List<string>();
            for (var n = this; n.Parent != null; n = n.Parent)
                segments.Add(n.Name is { } name ? JsonPointer.Escape(name) : n._nameStartOrIndex.ToString(CultureInfo.InvariantCulture));
            segments.Reverse();
            return "/" + string.Join("/", segments);
        }
    }
    /// <summary>Offset of the first character.</summary>
    public int Start { get; }
    /// <summary>Offset after the last character.</summary>
    public int End { get; private set; }
    /// <summary>The containing object or array.</summary>
    public DocumentNode? Parent { get; }
    // The property name when the parent is an object.
    private string? Name { get; }
    /// <summary>The unescaped value of a string; the raw text of a number, true, false or null.</summary>
    public string? Value => Kind is DocumentNodeKind.Object or DocumentNodeKind.Array ? null
        : _value ??= Kind == DocumentNodeKind.String ? new Parser(_tree).ReadStringAt(Start) : _tree.Text[Start..End];
    /// <summary>The value of a string, or null for any other kind.</summary>
    public string? StringValue => Kind == DocumentNodeKind.String ? Value : null;
    /// <summary>True for the literal <c>true</c>.</summary>
    public bool IsTrue => Kind == DocumentNodeKind.Boolean
        && (_value is { } known ? known == "true" : string.CompareOrdinal(_tree.Text, Start, "true", 0, 4) == 0 && End - Start == 4);
    /// <summary>The items of an array.</summary>
    public IReadOnlyList<DocumentNode> Items => Kind == DocumentNodeKind.Array ? Children : Array.Empty<DocumentNode>();
    /// <summary>The property names of an object, in document order.</summary>
    public IEnumerable<string> PropertyNames => Kind == DocumentNodeKind.Object ? Children.Select(p => p.Name!) : Enumerable.Empty<string>();
    /// <summary>The value of a property of an object, or null.</summary>
    public DocumentNode? this[string name]
    {
        get
        {
            if (Kind != DocumentNodeKind.Object) return null;
            foreach (var p in Children) if (p.Name == name) return p;
            return null;
        }
    }

    /// <summary>True for a YAML block mapping or block sequence (indentation, not braces, delimits it).</summary>
    internal bool IsBlock { get; private set; }

    internal int PropertyNameStart(string name) => this[name]?._nameStartOrIndex ?? -1;

    internal int PropertyCount => Kind == DocumentNodeKind.Object ? Children.Count : 0;
    internal (string Name, int NameStart, DocumentNode Value) LastProperty
    {
        get
        {
            var last = Children[^1];
            return (last.Name!, last._nameStartOrIndex, last);
        }
    }

    /// <summary>
    /// The string value of a property of this object, without turning the object's properties into nodes (indexes
    /// over a million entities ask each one for one property); null when absent or not a string.
    /// </summary>
    internal string? StringProperty(string name)
    {
        if (Kind != DocumentNodeKind.Object) return null;
        if (_children != null) return this[name]?.StringValue;
        string? found = null;
        new Parser(_tree).Members(this, (nameStart, valueStart, _) =>
        {
            if (!new Parser(_tree).NameIs(nameStart, name)) return true;
            if (_tree.Text[valueStart] is '"' or '\'') found = new Parser(_tree).ReadStringAt(valueStart);
            return false; // the first occurrence, as the indexer finds it
        });
        return found;
    }

    private List<DocumentNode> Children => _children ??= Materialize();

    private List<DocumentNode> Materialize()
    {
        var list = new List<DocumentNode>();
        if (Kind is not (DocumentNodeKind.Object or DocumentNodeKind.Array)) return list;
        var tree = _tree;
        new Parser(tree).Members(this, (nameStart, valueStart, valueEnd) =>
        {
            var reader = new Parser(tree); // its own position: the walk's parser is mid-container
            var name = nameStart < 0 ? null : Intern(reader.ReadStringAt(nameStart));
            list.Add(new DocumentNode(tree, reader.KindAt(valueStart), valueStart, valueEnd, this, name, nameStart < 0 ? list.Count : nameStart));
            return true;
        });
        return list;
    }

    private string Intern(string name)
    {
        if (_tree.Names.TryGetValue(name, out var known)) return known;
        _tree.Names[name] = name;
        return name;
    }

    /// <summary>Parses text into nodes. Throws <see cref="FormatException"/> with line and column on anything that is not JSON.</summary>
    internal static DocumentNode Parse(string text)
    {
        var tree = new Tree(text);
        var parser = new Parser(tree);
        parser.SkipWhitespace();
        var start = parser.Position;
        parser.SkipValue(); // validates the whole document, allocating nothing
        var end = parser.Position;
        parser.SkipWhitespace();
        if (parser.Position < text.Length) parser.Fail("additional content after the document");
        return new DocumentNode(tree, parser.KindAt(start), start, end, null, null, 0);
    }

    // Reads the text of a tree. SkipValue validates; everything else runs on text SkipValue accepted.
    private struct Parser(Tree tree)
    {
        private readonly string text = tree.Text;
        public int Position;

        // One grammar with the reader (Newtonsoft's JsonTextReader): comments count as whitespace, strings and
        // names may be single-quoted. Edits keep the comments and quotes they do not touch.
        public void SkipWhitespace()
        {
            while (Position < text.Length)
            {
                var c = text[Position];
                if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF') { Position++; continue; }
                if (c != '/' || Position + 1 >= text.Length) return;
                if (text[Position + 1] == '/')
                {
                    var eol = text.IndexOf('\n', Position);
                    Position = eol < 0 ? text.Length : eol + 1;
                }
                else if (text[Position + 1] == '*')
                {
                    var close = text.IndexOf("*/", Position + 2, StringComparison.Ordinal);
                    if (close < 0) { Position = text.Length; Fail("unterminated comment"); }
                    Position = close + 2;
                }
                else return;
            }
        }

        public readonly void Fail(string what)
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

        /// <summary>The kind of the (valid) value starting at <paramref name="at"/>.</summary>
        public readonly DocumentNodeKind KindAt(int at) => text[at] switch
        {
            '{' => DocumentNodeKind.Object,
            '[' => DocumentNodeKind.Array,
            '"' or '\'' => DocumentNodeKind.String,
            't' or 'f' => DocumentNodeKind.Boolean,
            'n' => DocumentNodeKind.Null,
            _ => DocumentNodeKind.Number,
        };

        /// <summary>Calls <paramref name="member"/> (name offset or -1, value start, value end) for each property or item of a container; stops when it returns false.</summary>
        public void Members(DocumentNode container, Func<int, int, int, bool> member)
        {
            Position = container.Start + 1;
            var isObject = container.Kind == DocumentNodeKind.Object;
            var close = isObject ? '}' : ']';
            SkipWhitespace();
            if (text[Position] == close) return;
            while (true)
            {
                SkipWhitespace();
                var nameStart = -1;
                if (isObject)
                {
                    nameStart = Position;
                    SkipString();
                    Expect(':');
                }
                SkipWhitespace();
                var valueStart = Position;
                SkipValue();
                if (!member(nameStart, valueStart, Position)) return;
                SkipWhitespace();
                if (text[Position] == ',') { Position++; continue; }
                return;
            }
        }

        /// <summary>True when the property name at <paramref name="at"/> (a quote) is <paramref name="name"/>, compared without allocating where it has no escapes.</summary>
        public bool NameIs(int at, string name)
        {
            var quote = text[at];
            var end = at + 1 + name.Length;
            if (end < text.Length && text[end] == quote && string.CompareOrdinal(text, at + 1, name, 0, name.Length) == 0
                && text.AsSpan(at + 1, name.Length).IndexOf('\\') < 0) return true;
            var raw = text.AsSpan(at + 1);
            var close = raw.IndexOfAny(quote, '\\');
            return close >= 0 && raw[close] == '\\' && ReadStringAt(at) == name; // escapes: decode
        }

        public void SkipValue()
        {
            SkipWhitespace();
            if (Position >= text.Length) Fail("unexpected end of the document");
            switch (text[Position])
            {
                case '{':
                    Position++;
                    SkipWhitespace();
                    if (Position < text.Length && text[Position] == '}') { Position++; return; }
                    while (true)
                    {
                        SkipWhitespace();
                        if (Position >= text.Length || text[Position] is not ('"' or '\'')) Fail("expected a property name");
                        SkipString();
                        Expect(':');
                        SkipValue();
                        SkipWhitespace();
                        if (Position < text.Length && text[Position] == ',') { Position++; continue; }
                        Expect('}');
                        return;
                    }
                case '[':
                    Position++;
                    SkipWhitespace();
                    if (Position < text.Length && text[Position] == ']') { Position++; return; }
                    while (true)
                    {
                        SkipValue();
                        SkipWhitespace();
                        if (Position < text.Length && text[Position] == ',') { Position++; continue; }
                        Expect(']');
                        return;
                    }
                case '"' or '\'':
                    SkipString();
                    return;
                default:
                    var start = Position;
                    while (Position < text.Length && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] is '-' or '+' or '.')) Position++;
                    var word = text.AsSpan(start, Position - start);
                    var ok = word is "true" or "false" or "null" || (word.Length > 0 && (char.IsAsciiDigit(word[0]) || word[0] == '-'));
                    if (!ok) { Position = start; Fail("expected a JSON value"); }
                    return;
            }
        }

        // Validates a string (the opening quote at Position) and moves past it.
        private void SkipString()
        {
            var quote = text[Position++]; // opening quote: " or '
            while (true)
            {
                var rest = text.AsSpan(Position);
                var stop = rest.IndexOfAny(quote, '\\');
                if (stop < 0) { Position = text.Length; Fail("unterminated string"); }
                Position += stop + 1;
                if (rest[stop] == quote) return;
                if (Position >= text.Length) Fail("unterminated string");
                if (text[Position++] == 'u')
                {
                    if (Position + 4 > text.Length || !int.TryParse(text.AsSpan(Position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
                        Fail("invalid \\u escape");
                    Position += 4;
                }
            }
        }

        /// <summary>Decodes the (valid) string starting with the quote at <paramref name="at"/>.</summary>
        public string ReadStringAt(int at)
        {
            var quote = text[at];
            Position = at + 1;
            var rest = text.AsSpan(Position);
            var stop = rest.IndexOfAny(quote, '\\');
            if (stop >= 0 && rest[stop] == quote) return text.Substring(Position, stop); // no escapes: the common case
            var sb = new StringBuilder();
            while (true)
            {
                if (Position >= text.Length) Fail("unterminated string");
                var c = text[Position++];
                if (c == quote) return sb.ToString();
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
