using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Comparison;

/// <summary>
/// Writes a <see cref="Trend"/> as text, JSON (docs/result-format.md, "Trend") or one self-contained HTML page with
/// the score over time per category as an inline SVG line chart (no script), the lifecycle of each finding, and the
/// largest improvements and regressions. Deterministic.
/// </summary>
internal static class TrendReport
{
    /// <summary>The trend JSON's format version.</summary>
    public const string FormatVersion = "1.0";

    /// <summary>The formats <see cref="Write"/> knows.</summary>
    public static IReadOnlyList<string> Formats { get; } = new[] { "text", "json", "html" };

    // Line colours and dash patterns: told apart in colour and in greyscale print.
    private static readonly (string Colour, string Dash, double Width)[] Styles =
    {
        ("#1f2328", "", 3), ("#0969da", "8 4", 2), ("#8250df", "2 3", 2), ("#bf3989", "12 4 2 4", 2),
    };

    /// <summary>Writes the trend in <paramref name="format"/> (text, json or html).</summary>
    public static void Write(Trend trend, string format, TextWriter output, ComparisonReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new ComparisonReportOptions();
        switch (format)
        {
            case "text": WriteText(trend, output, options); break;
            case "json": WriteJson(trend, output, options); break;
            case "html": HtmlPage.Write(output, options, options.Title ?? ComparisonText.Get("Trend_Title", options.Culture), "trend", body => WriteHtmlBody(trend, body, options)); break;
            default: throw new ArgumentException($"Unknown format '{format}' (text, json, html).", nameof(format));
        }
    }

    private static string T(string key, ComparisonReportOptions o) => ComparisonText.Get(key, o.Culture);
    private static string F(string key, ComparisonReportOptions o, params object?[] args) => ComparisonText.Format(key, o.Culture, args);
    private static string N(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "–";
    private static string Date(Trend t, int i, ComparisonReportOptions o) => ComparisonText.Date(t.Snapshots[i].AsOf, o.Culture);

    private static string ScoreMove(Trend t, TrendMovement m, ComparisonReportOptions o)
        => F("Trend_ScoreMove", o, ComparisonText.Category(m.Subject, o.Culture), m.Before, m.After, Date(t, m.From, o), Date(t, m.To, o));

    private static string ReachMove(Trend t, TrendMovement m, ComparisonReportOptions o)
        => F("Trend_ReachMove", o, m.Subject, TitleOf(t, m.Subject), m.Before, m.After, Date(t, m.From, o), Date(t, m.To, o));

    private static string TitleOf(Trend t, string ruleId)
        => t.Lifecycles.FirstOrDefault(l => l.Finding.RuleId == ruleId)?.Finding.Title ?? "";

    // ------------------------------------------------------------------ text

    private static void WriteText(Trend t, TextWriter w, ComparisonReportOptions o)
    {
        var c = o.Culture;
        w.WriteLine(TerminalText.Escape(o.Title ?? T("Trend_Title", o)));
        w.WriteLine(F("Trend_Intro", o, t.Snapshots.Count, Date(t, 0, o), Date(t, t.Snapshots.Count - 1, o)));
        w.WriteLine();
        var categories = SnapshotDiff.ScoreCategories;
        var heads = new List<string> { T("Trend_Date", o), T("Trend_Snapshot", o) };
        heads.AddRange(categories.Select(x => ComparisonText.Category(x, c)));
        heads.Add(T("Trend_FindingsCount", o));
        var rows = t.Snapshots.Select((s, i) =>
        {
            var row = new List<string> { Date(t, i, o), s.Label };
            row.AddRange(categories.Select(x => N(s.Score(x)?.Score)));
            row.Add(N(s.Findings.Count));
            return row;
        }).ToList();
        var widths = heads.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToList();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((x, i) => i < 2 ? x.PadRight(widths[i]) : x.PadLeft(widths[i]))).TrimEnd();
        w.WriteLine(Line(heads));
        foreach (var r in rows) w.WriteLine(TerminalText.Escape(Line(r)));
        w.WriteLine();
        WriteMoves(w, T("Trend_Improvements", o), t.Improvements.Select(m => ScoreMove(t, m, o)).Concat(t.ReachImprovements.Select(m => ReachMove(t, m, o))), o);
        WriteMoves(w, T("Trend_Regressions", o), t.Regressions.Select(m => ScoreMove(t, m, o)).Concat(t.ReachRegressions.Select(m => ReachMove(t, m, o))), o);
        var open = t.Lifecycles.Count(l => l.Resolved is null);
        w.WriteLine(T("Trend_Lifecycle", o) + ": " + F("Trend_OpenCount", o, open, t.Lifecycles.Count - open));
        foreach (var l in t.Lifecycles)
        {
            var f = l.Finding;
            var appeared = l.PresentAtStart ? T("Trend_AtStart", o) : T("Trend_Appeared", o) + " " + Date(t, l.Appeared, o);
            var end = l.Resolved is { } r ? T("Trend_Resolved", o) + " " + Date(t, r, o) : T("Trend_StillOpen", o);
            w.WriteLine(TerminalText.Escape($"  {f.RuleId} {ComparisonText.Where(f, c, o.ShowNames)}: {appeared}, {end} — {f.Title}"));
        }
    }

    private static void WriteMoves(TextWriter w, string heading, IEnumerable<string> lines, ComparisonReportOptions o)
    {
        w.WriteLine(heading + ":");
        var any = false;
        foreach (var l in lines) { w.WriteLine("  " + TerminalText.Escape(l)); any = true; }
        if (!any) w.WriteLine("  " + T("Trend_None", o));
        w.WriteLine();
    }

    // ------------------------------------------------------------------ JSON

    private static void WriteJson(Trend t, TextWriter output, ComparisonReportOptions o)
    {
        using var w = new SafeJsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("formatVersion"); w.WriteValue(FormatVersion);
        w.WritePropertyName("kind"); w.WriteValue("trend");
        DiffReport.WriteTool(w, o);
        w.WritePropertyName("snapshots");
        w.WriteStartArray();
        foreach (var s in t.Snapshots) DiffReport.WriteSnapshotHeader(w, s);
        w.WriteEndArray();
        w.WritePropertyName("steps");
        w.WriteStartArray();
        for (var i = 0; i < t.Steps.Count; i++)
        {
            var d = t.Steps[i];
            w.WriteStartObject();
            w.WritePropertyName("from"); w.WriteValue(i);
            w.WritePropertyName("to"); w.WriteValue(i + 1);
            foreach (var kind in Enum.GetValues<FindingChangeKind>())
            {
                w.WritePropertyName(DiffReport.JsonName(kind)); w.WriteValue(d.OfKind(kind).Count());
            }
            w.WritePropertyName("score");
            w.WriteStartObject();
            foreach (var s in d.Scores) { w.WritePropertyName(s.Category); w.WriteValue(s.Delta); }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("lifecycles");
        w.WriteStartArray();
        foreach (var l in t.Lifecycles)
        {
            w.WriteStartObject();
            DiffReport.WriteFindingIdentity(w, l.Finding, o);
            w.WritePropertyName("severity"); w.WriteValue(Diagnostic.SeverityName(l.Finding.Severity));
            w.WritePropertyName("message"); w.WriteValue(l.Finding.Message);
            w.WritePropertyName("appeared"); w.WriteValue(l.Appeared);
            w.WritePropertyName("resolved"); w.WriteValue(l.Resolved);
            w.WritePropertyName("spans");
            w.WriteStartArray();
            foreach (var s in l.Spans)
            {
                w.WriteStartObject();
                w.WritePropertyName("from"); w.WriteValue(s.From);
                w.WritePropertyName("to"); w.WriteValue(s.To);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        void Moves(string name, IReadOnlyList<TrendMovement> moves, string subject)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (var m in moves)
            {
                w.WriteStartObject();
                w.WritePropertyName("from"); w.WriteValue(m.From);
                w.WritePropertyName("to"); w.WriteValue(m.To);
                w.WritePropertyName(subject); w.WriteValue(m.Subject);
                w.WritePropertyName("before"); w.WriteValue(m.Before);
                w.WritePropertyName("after"); w.WriteValue(m.After);
                w.WritePropertyName("delta"); w.WriteValue(m.Delta);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Moves("improvements", t.Improvements, "category");
        Moves("regressions", t.Regressions, "category");
        Moves("reachImprovements", t.ReachImprovements, "ruleId");
        Moves("reachRegressions", t.ReachRegressions, "ruleId");
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    // ------------------------------------------------------------------ HTML

    private static string E(string? s) => HtmlReportWriter.Escape(s);
    private static string D(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static void WriteHtmlBody(Trend t, TextWriter h, ComparisonReportOptions o)
    {
        var c = o.Culture;
        h.Write("<p class=\"facts\">" + E(F("Trend_Intro", o, t.Snapshots.Count, Date(t, 0, o), Date(t, t.Snapshots.Count - 1, o))) + "</p>\n");
        foreach (var note in o.Notes) h.Write("<p class=\"note\">" + E(note) + "</p>\n");

        h.Write("<section data-section=\"chart\"><h2>" + E(T("Trend_Chart", o)) + "</h2>\n");
        WriteChart(t, h, o);
        h.Write("<p class=\"legend\">");
        for (var i = 0; i < SnapshotDiff.ScoreCategories.Count; i++)
        {
            var (colour, dash, width) = Styles[i % Styles.Length];
            h.Write("<span><svg width=\"36\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"36\" y2=\"5\" stroke=\"" + colour + "\" stroke-width=\"" + D(width) + "\""
                    + (dash.Length > 0 ? " stroke-dasharray=\"" + dash + "\"" : "") + "/></svg>" + E(ComparisonText.Category(SnapshotDiff.ScoreCategories[i], c)) + "</span>");
        }
        h.Write("</p>\n</section>\n");

        h.Write("<section data-section=\"scores\"><h2>" + E(T("Trend_Table", o)) + "</h2>\n<table class=\"numbers\"><thead><tr><th>" + E(T("Trend_Date", o)) + "</th><th>" + E(T("Trend_Snapshot", o)) + "</th>");
        foreach (var cat in SnapshotDiff.ScoreCategories) h.Write("<th>" + E(ComparisonText.Category(cat, c)) + "</th>");
        h.Write("<th>" + E(T("Trend_FindingsCount", o)) + "</th></tr></thead><tbody>\n");
        for (var i = 0; i < t.Snapshots.Count; i++)
        {
            var s = t.Snapshots[i];
            h.Write("<tr><th>" + E(Date(t, i, o)) + "</th><th>" + E(s.Label) + "</th>");
            foreach (var cat in SnapshotDiff.ScoreCategories) h.Write("<td>" + N(s.Score(cat)?.Score) + "</td>");
            h.Write("<td>" + N(s.Findings.Count) + "</td></tr>\n");
        }
        h.Write("</tbody></table></section>\n");

        h.Write("<section data-section=\"movements\"><h2>" + E(T("Trend_Improvements", o)) + "</h2>\n");
        WriteList(h, t.Improvements.Select(m => ScoreMove(t, m, o)).Concat(t.ReachImprovements.Select(m => ReachMove(t, m, o))).ToList(), o, "up");
        h.Write("<h2>" + E(T("Trend_Regressions", o)) + "</h2>\n");
        WriteList(h, t.Regressions.Select(m => ScoreMove(t, m, o)).Concat(t.ReachRegressions.Select(m => ReachMove(t, m, o))).ToList(), o, "down");
        h.Write("</section>\n");

        var open = t.Lifecycles.Count(l => l.Resolved is null);
        h.Write("<section data-section=\"lifecycle\"><h2>" + E(T("Trend_Lifecycle", o)) + "</h2>\n<p>" + E(F("Trend_OpenCount", o, open, t.Lifecycles.Count - open)) + " "
                + E(T("Trend_LifecycleIntro", o)) + "</p>\n");
        h.Write("<table class=\"life\"><thead><tr><th>" + E(T("Diff_Rule", o)) + "</th><th>" + E(T("Diff_Findings", o)) + "</th><th>" + E(T("Trend_Appeared", o)) + "</th><th>"
                + E(T("Trend_Resolved", o)) + "</th><th>" + E(Date(t, 0, o)) + " … " + E(Date(t, t.Snapshots.Count - 1, o)) + "</th></tr></thead><tbody>\n");
        foreach (var l in t.Lifecycles)
        {
            var f = l.Finding;
            h.Write("<tr data-rule=\"" + E(f.RuleId) + "\"" + (l.Resolved is null ? "" : " data-resolved=\"1\"") + "><th><span class=\"sev sev-" + Diagnostic.SeverityName(f.Severity) + "\">" + E(f.RuleId) + "</span></th><td>"
                    + E(f.Title) + " — <span class=\"where\">" + E(ComparisonText.Where(f, c, o.ShowNames)) + "</span></td><td>"
                    + E(l.PresentAtStart ? T("Trend_AtStart", o) : Date(t, l.Appeared, o)) + "</td><td>" + E(l.Resolved is { } r ? Date(t, r, o) : T("Trend_StillOpen", o)) + "</td><td>");
            WriteLifeBar(h, l, t.Snapshots.Count);
            h.Write("</td></tr>\n");
        }
        h.Write("</tbody></table></section>\n");
    }

    private static void WriteList(TextWriter h, IReadOnlyList<string> lines, ComparisonReportOptions o, string cls)
    {
        if (lines.Count == 0) { h.Write("<p>" + E(T("Trend_None", o)) + "</p>\n"); return; }
        h.Write("<ul class=\"" + cls + "\">\n");
        foreach (var l in lines) h.Write("<li>" + E(l) + "</li>\n");
        h.Write("</ul>\n");
    }

    // One bar per finding: a grey track with a filled stretch per span (scales to many snapshots).
    private static void WriteLifeBar(TextWriter h, FindingLifecycle l, int count)
    {
        const double width = 160, height = 12;
        var step = width / count;
        h.Write("<svg class=\"life\" width=\"" + D(width) + "\" height=\"" + D(height) + "\" viewBox=\"0 0 " + D(width) + " " + D(height) + "\" role=\"img\"><rect x=\"0\" y=\"4\" width=\"" + D(width) + "\" height=\"4\" fill=\"#eaeef2\"/>");
        foreach (var s in l.Spans)
            h.Write("<rect x=\"" + D(s.From * step) + "\" y=\"1\" width=\"" + D(Math.Max(2, (s.To - s.From + 1) * step)) + "\" height=\"10\" rx=\"2\" fill=\"#cf222e\"/>");
        h.Write("</svg>");
    }

    // The line chart: x by date (evenly spaced when all snapshots share one date), y 0–100; a line breaks where a
    // snapshot is not scored. Each point carries its value as a tooltip; the table below has the same numbers.
    private static void WriteChart(Trend t, TextWriter h, ComparisonReportOptions o)
    {
        const double width = 720, height = 300, left = 44, right = 16, top = 14, bottom = 46;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var n = t.Snapshots.Count;
        var first = t.Snapshots[0].AsOf!.Value.DayNumber;
        var span = t.Snapshots[n - 1].AsOf!.Value.DayNumber - first;
        double X(int i) => n == 1 ? left + plotW / 2 : span > 0 ? left + plotW * (t.Snapshots[i].AsOf!.Value.DayNumber - first) / span : left + plotW * i / (n - 1);
        double Y(int score) => top + plotH * (100 - score) / 100.0;
        h.Write("<svg class=\"chart\" viewBox=\"0 0 " + D(width) + " " + D(height) + "\" role=\"img\" aria-label=\"" + E(T("Trend_ChartLabel", o)) + "\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        h.Write("<title>" + E(T("Trend_ChartLabel", o)) + "</title>\n");
        foreach (var g in new[] { 0, 25, 50, 75, 100 })
            h.Write("<line x1=\"" + D(left) + "\" y1=\"" + D(Y(g)) + "\" x2=\"" + D(width - right) + "\" y2=\"" + D(Y(g)) + "\" stroke=\"#d0d7de\" stroke-width=\"1\"/>"
                    + "<text x=\"" + D(left - 6) + "\" y=\"" + D(Y(g) + 4) + "\" text-anchor=\"end\">" + g.ToString(CultureInfo.InvariantCulture) + "</text>\n");
        // Date labels: at most 8, always the first and the last.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var i = 0; i < n; i++)
        {
            if (i % labelEvery != 0 && i != n - 1) continue;
            if (i != n - 1 && n - 1 - i < labelEvery && i != 0) continue; // keep the last label clear of its neighbour
            var anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";
            h.Write("<text x=\"" + D(X(i)) + "\" y=\"" + D(height - bottom + 18) + "\" text-anchor=\"" + anchor + "\">" + E(Date(t, i, o)) + "</text>\n");
        }
        for (var k = 0; k < SnapshotDiff.ScoreCategories.Count; k++)
        {
            var category = SnapshotDiff.ScoreCategories[k];
            var (colour, dash, strokeWidth) = Styles[k % Styles.Length];
            var label = ComparisonText.Category(category, o.Culture);
            h.Write("<g class=\"series\" data-category=\"" + E(category) + "\">\n");
            var points = new StringBuilder();
            void Flush()
            {
                if (points.Length == 0) return;
                h.Write("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + D(strokeWidth) + "\"" + (dash.Length > 0 ? " stroke-dasharray=\"" + dash + "\"" : "")
                        + " stroke-linejoin=\"round\" points=\"" + points.ToString().TrimEnd() + "\"/>\n");
                points.Clear();
            }
            for (var i = 0; i < n; i++)
            {
                if (t.Snapshots[i].Score(category) is not { } s) { Flush(); continue; }
                points.Append(D(X(i))).Append(',').Append(D(Y(s.Score))).Append(' ');
            }
            Flush();
            // Markers only while they stay readable.
            if (n <= 40)
                for (var i = 0; i < n; i++)
                    if (t.Snapshots[i].Score(category) is { } s)
                        h.Write("<circle cx=\"" + D(X(i)) + "\" cy=\"" + D(Y(s.Score)) + "\" r=\"" + D(strokeWidth + 1) + "\" fill=\"" + colour + "\"><title>"
                                + E(label + " " + Date(t, i, o) + ": " + s.Score.ToString(CultureInfo.InvariantCulture)) + "</title></circle>\n");
            h.Write("</g>\n");
        }
        h.Write("</svg>\n");
    }
}
