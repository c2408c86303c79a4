using System.Globalization;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>A span of lines and columns (1-based; the end is inclusive and may equal the start).</summary>
public readonly record struct LineSpan(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>True when the span is known.</summary>
    public bool IsKnown => StartLine > 0;
    /// <summary>An unknown span.</summary>
    public static LineSpan None => default;

    /// <summary>An empty span at a 1-based (line, column); <see cref="None"/> when the line is unknown (0).</summary>
    internal static LineSpan At((int Line, int Column) position)
        => position.Line > 0 ? new LineSpan(position.Line, position.Column, position.Line, position.Column) : None;
}

/// <summary>
/// Where a diagnostic points: a file, a JSON Pointer (or a CSV row/column in <see cref="LineSpan"/>), a
/// line/column span, and the entity the pointer names (its kind and stable id, used for fingerprints).
/// </summary>
public sealed class Location : IEquatable<Location>
{
    /// <summary>Creates a location.</summary>
    public Location(string? filePath, string jsonPointer, LineSpan span, string? entityKind = null, string? entityId = null)
        : this(filePath, jsonPointer, span, entityKind, entityId, span)
    {
    }

    /// <summary>
    /// Creates a location whose <paramref name="span"/> is narrowed to the property that caused a finding, inside the
    /// entity's whole <paramref name="contextSpan"/> (Roslyn puts the squiggle on the offending token).
    /// </summary>
    public Location(string? filePath, string jsonPointer, LineSpan span, string? entityKind, string? entityId, LineSpan contextSpan)
    {
        FilePath = filePath;
        JsonPointer = jsonPointer ?? "";
        Span = span;
        EntityKind = entityKind;
        EntityId = entityId;
        ContextSpan = contextSpan.IsKnown ? contextSpan : span;
    }

    /// <summary>No location (a diagnostic about the run itself).</summary>
    public static Location None { get; } = new(null, "", LineSpan.None);

    /// <summary>The file, as the user named it.</summary>
    public string? FilePath { get; }
    /// <summary>The JSON Pointer (RFC 6901) of the element, "" for the document.</summary>
    public string JsonPointer { get; }
    /// <summary>The line/column span.</summary>
    public LineSpan Span { get; }
    /// <summary>The whole entity's span; equal to <see cref="Span"/> unless the span was narrowed to a property.</summary>
    public LineSpan ContextSpan { get; }
    /// <summary>The collection of the entity the location names (e.g. incentivePlans).</summary>
    public string? EntityKind { get; }
    /// <summary>The stable id of the entity the location names.</summary>
    public string? EntityId { get; }

    /// <summary>
    /// The worksheet, for a location in a workbook (<c>.xlsx</c>): then <see cref="Span"/>'s line is the row and its
    /// column the column number, and the location reads <c>file(Sheet!D7)</c>.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>Compiler-style prefix: <c>file(line,col)</c>, or <c>file(Sheet!D7)</c> in a workbook.</summary>
    public override string ToString()
    {
        var file = FilePath ?? "";
        if (!Span.IsKnown) return file;
        return Sheet != null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}({Sheet}!{ColumnName(Span.StartColumn)}{Span.StartLine})")
            : string.Create(CultureInfo.InvariantCulture, $"{file}({Span.StartLine},{Span.StartColumn})");
    }

    /// <summary>A spreadsheet column's letters: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = Math.Max(1, column); c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }

    /// <inheritdoc />
    public bool Equals(Location? other) => other is not null && other.FilePath == FilePath && other.JsonPointer == JsonPointer
        && other.Span == Span && other.ContextSpan == ContextSpan && other.EntityKind == EntityKind && other.EntityId == EntityId && other.Sheet == Sheet;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Location);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FilePath, JsonPointer, Span);
}
