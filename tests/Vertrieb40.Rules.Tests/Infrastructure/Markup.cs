using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Tests.Infrastructure;

/// <summary>
/// Roslyn-style markup for rule tests: wrap the structure a rule must report in <c>{|ID:</c> … <c>|}</c>.
/// The marked text must start at the entity's opening brace and end at its closing brace; the diagnostic's
/// span (its context: the whole entity) must match it exactly. One line per test:
/// <code>Markup.Verify(json, "VT3001");</code>
/// checks that VT3001 reports exactly the marked places — and nothing else — in the document. Markers
/// may nest. Other rules' findings are ignored unless their ids are passed too.
/// </summary>
public static class Markup
{
    /// <summary>An expected diagnostic: id and 1-based start/end (end inclusive).</summary>
    public readonly record struct Expected(string Id, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public override string ToString() => $"{Id} ({StartLine},{StartColumn})-({EndLine},{EndColumn})";
    }

    /// <summary>Removes the markers and returns the clean document with the expected diagnostics.</summary>
    public static (string Source, IReadOnlyList<Expected> Expected) Parse(string markup)
    {
        var source = new System.Text.StringBuilder(markup.Length);
        var expected = new List<Expected>();
        var open = new Stack<(string Id, int Line, int Column)>();
        int line = 1, column = 1, lastLine = 1, lastColumn = 0;
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"Unterminated marker at offset {i}.");
                open.Push((markup[(i + 2)..colon], line, column));
                i = colon;
                continue;
            }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, l, c) = open.Pop();
                expected.Add(new Expected(id, l, c, lastLine, lastColumn));
                i++;
                continue;
            }
            source.Append(markup[i]);
            lastLine = line;
            lastColumn = column;
            if (markup[i] == '\n') { line++; column = 1; }
            else column++;
        }
        if (open.Count > 0) throw new FormatException($"Marker {open.Peek().Id} is not closed with |}}.");
        return (source.ToString(), expected);
    }

    /// <summary>
    /// Analyses the document and asserts that the diagnostics with the marked ids (plus <paramref name="ids"/>)
    /// are exactly the marked ones, span for span.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Verify(string markup, params string[] ids) => Verify(markup, null, ids);

    /// <summary>As <see cref="Verify(string, string[])"/>, with rule options.</summary>
    public static IReadOnlyList<Diagnostic> Verify(string markup, IReadOnlyDictionary<string, string>? options, params string[] ids)
    {
        var (source, expected) = Parse(markup);
        var checkedIds = expected.Select(e => e.Id).Concat(ids).ToHashSet(StringComparer.Ordinal);
        Assert.True(checkedIds.Count > 0, "Name the rule id to check, or mark at least one place.");
        var result = TestOrg.Analyze(source, options);
        var actual = result.Diagnostics.Where(d => checkedIds.Contains(d.Id)).ToList();
        // A marker spans the entity a finding is about (the location's context); where a rule narrows its span to the
        // property that caused it, LocationNarrowingTests check that narrower span.
        var actualText = actual.Select(d => new Expected(d.Id, d.Location.ContextSpan.StartLine, d.Location.ContextSpan.StartColumn, d.Location.ContextSpan.EndLine, d.Location.ContextSpan.EndColumn).ToString())
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        var expectedText = expected.Select(e => e.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedText, actualText);
        return actual;
    }
}
