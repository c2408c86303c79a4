namespace Vertrieb40.Rules.Diagnostics;

/// <summary>The one output order: file, position, id, pointer, message (so output is byte-identical run to run).</summary>
internal sealed class DiagnosticComparer : IComparer<Diagnostic>
{
    /// <summary>The shared instance.</summary>
    public static DiagnosticComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Location.FilePath, y.Location.FilePath);
        if (c != 0) return c;
        c = x.Location.Span.StartLine.CompareTo(y.Location.Span.StartLine);
        if (c != 0) return c;
        c = x.Location.Span.StartColumn.CompareTo(y.Location.Span.StartColumn);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Id, y.Id);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Location.JsonPointer, y.Location.JsonPointer);
        if (c != 0) return c;
        // Several findings of one rule on one structure (e.g. one per role of a team) differ in their
        // related locations; compare those before falling back to formatting the messages (costly).
        var n = Math.Min(x.AdditionalLocations.Count, y.AdditionalLocations.Count);
        for (var i = 0; i < n; i++)
        {
            c = string.CompareOrdinal(x.AdditionalLocations[i].JsonPointer, y.AdditionalLocations[i].JsonPointer);
            if (c != 0) return c;
        }
        c = x.AdditionalLocations.Count.CompareTo(y.AdditionalLocations.Count);
        if (c != 0) return c;
        return string.CompareOrdinal(x.GetMessage(System.Globalization.CultureInfo.InvariantCulture), y.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
