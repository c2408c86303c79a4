using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Comparison;

/// <summary>
/// Writes a <see cref="SnapshotDiff"/> as text (terminal, CI logs), JSON (docs/result-format.md, "Diff") or one
/// self-contained HTML page. Deterministic: the same snapshots give byte-identical output.
/// </summary>
internal static class DiffReport
{
    /// <summary>The diff JSON's format version.</summary>
    public const string FormatVersion = "1.0";

    /// <summary>The formats <see cref="Write"/> knows.</summary>
    public static IReadOnlyList<string> Formats { get; } = new[] { "text", "json", "html" };

    /// <summary>Writes the diff in <paramref name="format"/> (text, json or html).</summary>
    public static void Write(SnapshotDiff diff, string format, TextWriter output, ComparisonReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new ComparisonReportOptions();
        switch (format)
        {
            case "text": WriteText(diff, output, options); break;
            case "json": WriteJson(diff, output, options); break;
            case "html": HtmlPage.Write(output, options, options.Title ?? ComparisonText.Get("Diff_Title", options.Culture), "diff", body => WriteHtmlBody(diff, body, options)); break;
            default: throw new ArgumentException($"Unknown format '{format}' (text, json, html).", nameof(format));
        }
    }

    private static string T(string key, ComparisonReportOptions o) => ComparisonText.Get(key, o.Culture);
    private static string F(string key, ComparisonReportOptions o, params object?[] args) => ComparisonText.Format(key, o.Culture, args);
    private static string N(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static (int New, int Resolved, int Changed, int Unchanged) Counts(SnapshotDiff diff)
        => (diff.OfKind(FindingChangeKind.New).Count(), diff.OfKind(FindingChangeKind.Resolved).Count(),
            diff.OfKind(FindingChangeKind.Changed).Count(), diff.OfKind(FindingChangeKind.Unchanged).Count());

    // ------------------------------------------------------------------ text

    private static void WriteText(SnapshotDiff diff, TextWriter w, ComparisonReportOptions o)
    {
        var c = o.Culture;
        w.WriteLine(TerminalText.Escape((o.Title ?? T("Diff_Title", o)) + ": " + Describe(diff.Before, o) + " → " + Describe(diff.After, o)));
        foreach (var note in o.Notes) w.WriteLine(TerminalText.Escape(note));
        w.WriteLine();
        WriteScoreTable(diff, w, o);
        w.WriteLine();
        var (n, r, ch, u) = Counts(diff);
        w.WriteLine(F("Diff_Summary", o, n, r, ch, u));
        var listed = diff.Findings.Where(f => f.Kind != FindingChangeKind.Unchanged).ToList();
        if (listed.Count == 0) w.WriteLine(T("Diff_NoChanges", o));
        var kindWidth = Enum.GetValues<FindingChangeKind>().Max(k => ComparisonText.Kind(k, c).Length);
        foreach (var f in listed)
        {
            var current = f.Current;
            var line = new StringBuilder();
            line.Append(ComparisonText.Kind(f.Kind, c).PadRight(kindWidth)).Append("  ")
                .Append(ComparisonText.Severity(current.Severity, c)).Append(' ').Append(current.RuleId).Append(' ')
                .Append(ComparisonText.Where(current, c, o.ShowNames)).Append(": ").Append(current.Message);
            if (f.SeverityChanged) line.Append(" [").Append(F("Diff_Severity", o, ComparisonText.Severity(f.Before!.Severity, c), ComparisonText.Severity(f.After!.Severity, c))).Append(']');
            if (f.MessageChanged) line.Append(" [").Append(F("Diff_Was", o, f.Before!.Message)).Append(']');
            w.WriteLine(TerminalText.Escape(line.ToString()));
        }
        if (diff.People.Count > 0)
        {
            w.WriteLine();
            var titles = TitlesByRule(diff);
            var rows = diff.People.Select(p => (Label: p.RuleId + " " + titles.GetValueOrDefault(p.RuleId, ""), p)).ToList();
            var width = Math.Max(T("Diff_People", o).Length, rows.Max(x => x.Label.Length));
            w.WriteLine(T("Diff_People", o).PadRight(width) + "  " + Columns(o.Before, o.After, T("Diff_Change", o), o));
            foreach (var (label, p) in rows)
                w.WriteLine(TerminalText.Escape(label.PadRight(width)) + "  " + Columns(N(p.Before), N(p.After), ComparisonText.Signed(p.Delta), o));
        }
    }

    private static Dictionary<string, string> TitlesByRule(SnapshotDiff diff)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in diff.Findings) titles.TryAdd(f.Current.RuleId, f.Current.Title);
        return titles;
    }

    private static string Columns(string a, string b, string d, ComparisonReportOptions o)
        => a.PadLeft(Math.Max(8, o.Before.Length)) + "  " + b.PadLeft(Math.Max(8, o.After.Length)) + "  " + d.PadLeft(Math.Max(8, T("Diff_Change", o).Length));

    private static void WriteScoreTable(SnapshotDiff diff, TextWriter w, ComparisonReportOptions o)
    {
        var labels = diff.Scores.Select(s => ComparisonText.Category(s.Category, o.Culture)).ToList();
        var width = Math.Max(T("Diff_Score", o).Length, labels.Max(l => l.Length));
        w.WriteLine(T("Diff_Score", o).PadRight(width) + "  " + Columns(o.Before, o.After, T("Diff_Change", o), o));
        for (var i = 0; i < diff.Scores.Count; i++)
        {
            var s = diff.Scores[i];
            var d = s.Delta is { } delta ? ComparisonText.Signed(delta) : T("Diff_NotScored", o);
            w.WriteLine(labels[i].PadRight(width) + "  " + Columns(N(s.Before), N(s.After), d, o));
        }
    }

    /// <summary>The short form (fix --dry-run): the notes, the score table and the counts of new, resolved and changed findings.</summary>
    internal static void WriteSummary(SnapshotDiff diff, TextWriter w, ComparisonReportOptions o)
    {
        w.WriteLine(TerminalText.Escape(o.Title ?? T("Diff_Title", o)));
        foreach (var note in o.Notes.Take(1)) w.WriteLine(TerminalText.Escape(note));
        WriteScoreTable(diff, w, o);
        var (n, r, ch, u) = Counts(diff);
        w.WriteLine(F("Diff_Summary", o, n, r, ch, u));
    }

    internal static string Describe(Snapshot s, ComparisonReportOptions o)
        => s.AsOf is { } d ? s.Label + " (" + ComparisonText.Date(d, o.Culture) + ")" : s.Label;

    // ------------------------------------------------------------------ JSON

    private static void WriteJson(SnapshotDiff diff, TextWriter output, ComparisonReportOptions o)
    {
        using var w = new SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("formatVersion"); w.WriteValue(FormatVersion);
        w.WritePropertyName("kind"); w.WriteValue("diff");
        WriteTool(w, o);
        w.WritePropertyName("culture"); w.WriteValue(o.Culture.Name.Length == 0 ? "en" : o.Culture.Name);
        w.WritePropertyName("before"); WriteSnapshotHeader(w, diff.Before);
        w.WritePropertyName("after"); WriteSnapshotHeader(w, diff.After);
        var (n, r, ch, u) = Counts(diff);
        w.WritePropertyName("summary");
        w.WriteStartObject();
        w.WritePropertyName("new"); w.WriteValue(n);
        w.WritePropertyName("resolved"); w.WriteValue(r);
        w.WritePropertyName("changed"); w.WriteValue(ch);
        w.WritePropertyName("unchanged"); w.WriteValue(u);
        w.WriteEndObject();
        w.WritePropertyName("score");
        w.WriteStartArray();
        foreach (var s in diff.Scores) WriteBeforeAfter(w, "category", s.Category, s.Before, s.After, s.Delta);
        w.WriteEndArray();
        w.WritePropertyName("findings");
        w.WriteStartArray();
        foreach (var f in diff.Findings)
        {
            w.WriteStartObject();
            w.WritePropertyName("change"); w.WriteValue(JsonName(f.Kind));
            WriteFindingIdentity(w, f.Current, o);
            w.WritePropertyName("before"); WriteFindingState(w, f.Before);
            w.WritePropertyName("after"); WriteFindingState(w, f.After);
            w.WritePropertyName("changes");
            w.WriteStartArray();
            if (f.SeverityChanged) w.WriteValue("severity");
            if (f.MessageChanged) w.WriteValue("message");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("people");
        w.WriteStartArray();
        foreach (var p in diff.People) WriteBeforeAfter(w, "ruleId", p.RuleId, p.Before, p.After, p.Delta);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    // One row of the score and people tables: what it is about, then before, after and the change.
    private static void WriteBeforeAfter(JsonWriter w, string keyName, string key, int? before, int? after, int? delta)
    {
        w.WriteStartObject();
        w.WritePropertyName(keyName); w.WriteValue(key);
        w.WritePropertyName("before"); w.WriteValue(before);
        w.WritePropertyName("after"); w.WriteValue(after);
        w.WritePropertyName("delta"); w.WriteValue(delta);
        w.WriteEndObject();
    }

    internal static string JsonName(FindingChangeKind kind) => kind switch
    {
        FindingChangeKind.New => "new",
        FindingChangeKind.Resolved => "resolved",
        FindingChangeKind.Changed => "changed",
        _ => "unchanged",
    };

    internal static void WriteTool(JsonWriter w, ComparisonReportOptions o)
    {
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("name"); w.WriteValue("vertrieb40");
        w.WritePropertyName("version"); w.WriteValue(o.ToolVersion);
        w.WriteEndObject();
    }

    internal static void WriteSnapshotHeader(JsonWriter w, Snapshot s)
    {
        w.WriteStartObject();
        w.WritePropertyName("source"); w.WriteValue(s.Source);
        w.WritePropertyName("asOf"); w.WriteValue(s.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WritePropertyName("people"); w.WriteValue(s.People);
        w.WritePropertyName("findings"); w.WriteValue(s.Findings.Count);
        w.WritePropertyName("score");
        if (s.Scores is null) w.WriteNull();
        else
        {
            w.WriteStartObject();
            foreach (var sc in s.Scores) { w.WritePropertyName(sc.Category); w.WriteValue(sc.Score); }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    // Rule, entity and fingerprint; a person's id only with names allowed.
    internal static void WriteFindingIdentity(JsonWriter w, SnapshotFinding f, ComparisonReportOptions o)
    {
        w.WritePropertyName("ruleId"); w.WriteValue(f.RuleId);
        w.WritePropertyName("category"); w.WriteValue(f.Category);
        w.WritePropertyName("title"); w.WriteValue(f.Title);
        w.WritePropertyName("entityKind"); w.WriteValue(f.EntityKind);
        if (!f.IsAboutPerson || o.ShowNames) { w.WritePropertyName("entityId"); w.WriteValue(f.EntityId); }
        w.WritePropertyName("fingerprint"); w.WriteValue(f.Fingerprint);
    }

    private static void WriteFindingState(JsonWriter w, SnapshotFinding? f)
    {
        if (f is null) { w.WriteNull(); return; }
        w.WriteStartObject();
        w.WritePropertyName("severity"); w.WriteValue(Diagnostic.SeverityName(f.Severity));
        w.WritePropertyName("message"); w.WriteValue(f.Message);
        if (f.Line > 0) { w.WritePropertyName("line"); w.WriteValue(f.Line); }
        w.WriteEndObject();
    }

    // ------------------------------------------------------------------ HTML

    private static void WriteHtmlBody(SnapshotDiff diff, TextWriter h, ComparisonReportOptions o)
    {
        var c = o.Culture;
        static string E(string? s) => HtmlReportWriter.Escape(s);
        h.Write("<p class=\"facts\">" + E(Describe(diff.Before, o)) + " → " + E(Describe(diff.After, o)) + "</p>\n");
        foreach (var note in o.Notes) h.Write("<p class=\"note\">" + E(note) + "</p>\n");
        h.Write("<section data-section=\"score\"><h2>" + E(T("Diff_Score", o)) + "</h2>\n<table class=\"numbers\"><thead><tr><th></th><th>" + E(o.Before) + "</th><th>"
                + E(o.After) + "</th><th>" + E(T("Diff_Change", o)) + "</th></tr></thead><tbody>\n");
        foreach (var s in diff.Scores)
        {
            var cls = s.Delta is > 0 ? "up" : s.Delta is < 0 ? "down" : "same";
            h.Write("<tr><th>" + E(ComparisonText.Category(s.Category, c)) + "</th><td>" + N(s.Before) + "</td><td>" + N(s.After) + "</td><td class=\"" + cls + "\">"
                    + E(s.Delta is { } d ? ComparisonText.Signed(d) : T("Diff_NotScored", o)) + "</td></tr>\n");
        }
        h.Write("</tbody></table></section>\n");
        var (n, r, ch, u) = Counts(diff);
        h.Write("<section data-section=\"findings\"><h2>" + E(T("Diff_Findings", o)) + "</h2>\n<p>" + E(F("Diff_Summary", o, n, r, ch, u)) + "</p>\n");
        foreach (var kind in new[] { FindingChangeKind.New, FindingChangeKind.Changed, FindingChangeKind.Resolved, FindingChangeKind.Unchanged })
        {
            var list = diff.OfKind(kind).ToList();
            if (list.Count == 0) continue;
            var open = kind == FindingChangeKind.Unchanged ? "" : " open";
            h.Write($"<details class=\"kind-{JsonName(kind)}\"{open}><summary>" + E(ComparisonText.Kind(kind, c)) + " (" + list.Count.ToString(CultureInfo.InvariantCulture) + ")</summary>\n<ul>\n");
            foreach (var f in list)
            {
                var cur = f.Current;
                h.Write("<li data-change=\"" + JsonName(kind) + "\"><span class=\"sev sev-" + Diagnostic.SeverityName(cur.Severity) + "\">" + E(ComparisonText.Severity(cur.Severity, c))
                        + "</span> <b>" + E(cur.RuleId) + "</b> " + E(cur.Title) + " — <span class=\"where\">" + E(ComparisonText.Where(cur, c, o.ShowNames)) + "</span><br>" + E(cur.Message));
                if (f.SeverityChanged) h.Write("<br><i>" + E(F("Diff_Severity", o, ComparisonText.Severity(f.Before!.Severity, c), ComparisonText.Severity(f.After!.Severity, c))) + "</i>");
                if (f.MessageChanged) h.Write("<br><i>" + E(F("Diff_Was", o, f.Before!.Message)) + "</i>");
                h.Write("</li>\n");
            }
            h.Write("</ul></details>\n");
        }
        if (diff.IsEmpty) h.Write("<p>" + E(T("Diff_NoChanges", o)) + "</p>\n");
        h.Write("</section>\n");
        if (diff.People.Count > 0)
        {
            var titles = TitlesByRule(diff);
            h.Write("<section data-section=\"people\"><h2>" + E(T("Diff_People", o)) + "</h2>\n<table class=\"numbers\"><thead><tr><th>" + E(T("Diff_Rule", o)) + "</th><th>" + E(o.Before)
                    + "</th><th>" + E(o.After) + "</th><th>" + E(T("Diff_Change", o)) + "</th></tr></thead><tbody>\n");
            foreach (var p in diff.People)
                h.Write("<tr><th>" + E(p.RuleId + " " + titles.GetValueOrDefault(p.RuleId, "")) + "</th><td>" + N(p.Before) + "</td><td>" + N(p.After) + "</td><td class=\""
                        + (p.Delta < 0 ? "up" : p.Delta > 0 ? "down" : "same") + "\">" + ComparisonText.Signed(p.Delta) + "</td></tr>\n");
            h.Write("</tbody></table></section>\n");
        }
    }
}
