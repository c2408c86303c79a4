using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// A self-contained HTML report (<c>--format html</c>) that a consultant can hand to a client: the
/// Vertrieb-4.0 score, the findings grouped by category and rule with the rule's explanation and way out,
/// the unit tree as inline SVG coloured by findings, and per-unit breakdowns. No network: inline CSS and
/// SVG, no fonts, no images; a Content-Security-Policy allows only the page's own inline script.
/// Privacy: it names structures, never people; units smaller than
/// <see cref="ReportContext.MinimumGroupSize"/> get no breakdown or colour of their own.
/// Every string from the input is HTML-escaped.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>The page's only script: it marks the page as rendered, so a browser test can tell that scripts ran without error.</summary>
    internal const string ReadyScript = "document.documentElement.setAttribute('data-report-ready','1');";

    private static readonly string ReadyScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ReadyScript)));

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var page = new Page(context, output);
        page.Write();
    }

    /// <summary>
    /// HTML-escapes text for element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c>.
    /// Other characters stay as they are (the page is UTF-8), so umlauts remain readable in the source.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Control characters and bidi overrides from the input are shown as \uXXXX, never rendered (no reordered text).
        text = TerminalText.Escape(text, keepLineBreaks: true);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    private sealed class Page(ReportContext context, TextWriter o)
    {
        private readonly CultureInfo _c = context.Culture;

        private string T(string key) => ReportText.Get(key, _c);
        private string T(string key, params object?[] args) => ReportText.Format(key, _c, args);
        private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        private string W(double weight) => weight.ToString("0.##", _c);

        public void Write()
        {
            var lang = _c.TwoLetterISOLanguageName == "de" ? "de" : "en";
            var titleName = context.Results.Count == 1 ? context.Results[0].Outline?.Name ?? FileName(context.Results[0]) : null;
            o.Write("<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n");
            // Defence in depth: even if something slipped through escaping, no other script could run.
            o.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + ReadyScriptHash + "'\">\n");
            o.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            o.Write("<meta name=\"generator\" content=\"vertrieb40 " + Escape(context.ToolVersion) + "\">\n");
            o.Write("<title>" + Escape(T("Html_Title")) + (titleName is null ? "" : " — " + Escape(titleName)) + "</title>\n");
            o.Write("<style>\n" + Css + "</style>\n</head>\n<body>\n");
            o.Write("<header class=\"page-header\">\n<h1>" + Escape(T("Html_Title")) + "</h1>\n");
            if (titleName != null) o.Write("<p class=\"org-name\">" + Escape(titleName) + "</p>\n");
            o.Write("<p class=\"intro\">" + Escape(T("Html_Intro")) + "</p>\n</header>\n<main>\n");
            for (var i = 0; i < context.Results.Count; i++) WriteFile(context.Results[i], i + 1);
            o.Write("</main>\n<footer class=\"page-footer\">\n<p>" + Escape(T("Html_Privacy", context.MinimumGroupSize)) + "</p>\n");
            o.Write("<p>" + Escape(T("Html_Generated", "vertrieb40 " + context.ToolVersion)) + "</p>\n</footer>\n");
            o.Write("<script>" + ReadyScript + "</script>\n</body>\n</html>\n");
        }

        private static string FileName(AnalysisResult r) => r.FilePath is null ? "-" : Path.GetFileName(r.FilePath);

        private void WriteFile(AnalysisResult r, int n)
        {
            var score = VertriebScore.Compute(r, context.ScoreWeights);
            o.Write($"<section class=\"file\" id=\"file-{n}\" data-file=\"{Escape(FileName(r))}\">\n");
            o.Write("<h2>" + Escape(r.Outline?.Name ?? FileName(r)) + " <span class=\"file-name\">" + Escape(FileName(r)) + "</span></h2>\n");
            o.Write("<p class=\"facts\">" + Escape(T("Html_Facts", r.UnitCount, r.PeopleCount)) + "</p>\n");
            if (r.InputFailed || r.Outline is null)
            {
                WriteInputErrors(r, n);
                o.Write("</section>\n");
                return;
            }
            if (score is null) o.Write("<p class=\"not-scored\" data-section=\"not-scored\">" + Escape(CoverageText.NotScored(_c)) + "</p>\n");
            else WriteScore(score, n);
            WriteCoverage(r, n);
            WriteSummary(r, n);
            if (score != null) WriteTree(r.Outline, score, n);
            WriteFindings(r, r.Outline, n);
            if (score != null) WriteUnits(r.Outline, score, n);
            o.Write("</section>\n");
        }

        // "What this report could not judge": the rules whose facts the input lacks, each with its reason.
        private void WriteCoverage(AnalysisResult r, int n)
        {
            if (r.Coverage.Count == 0) return;
            var unable = r.Coverage.Where(c => c.Status == CoverageStatus.CouldNotCheck).ToList();
            var notApplicable = r.Coverage.Where(c => c.Status == CoverageStatus.NotApplicable).ToList();
            o.Write($"<section class=\"coverage\" id=\"coverage-{n}\" data-section=\"coverage\">\n<h3>" + Escape(CoverageText.Get("CoverageTitle", _c)) + "</h3>\n");
            o.Write("<p>" + Escape(CoverageText.Summary(r, _c)) + "</p>\n");
            if (unable.Count == 0) o.Write("<p>" + Escape(CoverageText.Get("CoverageAllChecked", _c)) + "</p>\n");
            else
            {
                o.Write("<p>" + Escape(CoverageText.Get("CoverageIntro", _c)) + "</p>\n<ul>\n");
                foreach (var c in unable)
                    o.Write("<li data-rule=\"" + Escape(c.RuleId) + "\"><code>" + Escape(c.RuleId) + "</code> " + Escape(c.ReasonIn(_c) ?? "") + "</li>\n");
                o.Write("</ul>\n");
            }
            if (notApplicable.Count > 0)
            {
                o.Write("<p>" + Escape(CoverageText.Get("CoverageNotApplicable", _c)) + "</p>\n<ul>\n");
                foreach (var c in notApplicable)
                    o.Write("<li data-rule=\"" + Escape(c.RuleId) + "\"><code>" + Escape(c.RuleId) + "</code> " + Escape(c.ReasonIn(_c) ?? "") + "</li>\n");
                o.Write("</ul>\n");
            }
            o.Write("</section>\n");
        }

        private void WriteInputErrors(AnalysisResult r, int n)
        {
            o.Write($"<section class=\"input-errors\" id=\"input-errors-{n}\" data-section=\"input-errors\">\n<h3>" + Escape(T("Html_InputErrors")) + "</h3>\n");
            o.Write("<p>" + Escape(T("Html_NotScored")) + "</p>\n<ul>\n");
            foreach (var d in r.Diagnostics)
                o.Write("<li><code>" + Escape(d.Id) + "</code> " + Escape(Where(d.Location)) + ": " + Escape(d.GetMessage(_c)) + "</li>\n");
            o.Write("</ul>\n</section>\n");
        }

        private void WriteScore(OrganizationScore score, int n)
        {
            o.Write($"<section class=\"score\" id=\"score-{n}\" data-section=\"score\">\n<h3>" + Escape(T("Label_ScoreTitle")) + "</h3>\n<div class=\"score-cards\">\n");
            WriteScoreCard(T("Label_Overall"), score.Organization.Overall, "overall");
            foreach (var c in score.Organization.Categories) WriteScoreCard(ReportText.Category(c.Category, _c), c, c.Category.ToLowerInvariant());
            o.Write("</div>\n");
            if (CoverageText.ScoreOver(score, _c) is { } over) o.Write("<p class=\"score-coverage\">" + Escape(over) + "</p>\n");
            o.Write("<p class=\"note\">" + Escape(T("Html_ScoreExplained", W(context.ScoreWeights.Error), W(context.ScoreWeights.Warning), W(context.ScoreWeights.Info))) + "</p>\n</section>\n");
        }

        private void WriteScoreCard(string label, CategoryScore s, string key)
        {
            var colour = Colour(s.Score);
            o.Write($"<div class=\"score-card\" data-score=\"{key}\">\n");
            // A ring gauge: the arc's length is the score (the circumference of r=40 is ~251.3).
            var arc = (251.327 * s.Score / 100.0).ToString("0.#", CultureInfo.InvariantCulture);
            o.Write("<svg class=\"gauge\" viewBox=\"0 0 100 100\" width=\"96\" height=\"96\" role=\"img\" aria-label=\"" + Escape(label + ": " + N(s.Score)) + "\">");
            o.Write("<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"12\"/>");
            o.Write($"<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"none\" stroke=\"{colour.Stroke}\" stroke-width=\"12\" stroke-dasharray=\"{arc} 251.327\" transform=\"rotate(-90 50 50)\"/>");
            o.Write($"<text x=\"50\" y=\"57\" text-anchor=\"middle\" class=\"gauge-value\">{N(s.Score)}</text></svg>\n");
            o.Write("<div class=\"score-label\">" + Escape(label) + "</div>\n");
            o.Write("<div class=\"score-detail\">" + Escape(T("Html_ScoreDetail", s.Findings, s.CleanEntities)) + "</div>\n</div>\n");
        }

        private void WriteSummary(AnalysisResult r, int n)
        {
            o.Write($"<section class=\"summary\" id=\"summary-{n}\" data-section=\"summary\">\n<h3>" + Escape(T("Html_Summary")) + "</h3>\n<table>\n<thead><tr>");
            foreach (var h in new[] { "Label_Category", "Label_Errors", "Label_Warnings", "Label_Info", "Label_Suppressed" })
                o.Write("<th>" + Escape(T(h)) + "</th>");
            o.Write("</tr></thead>\n<tbody>\n");
            foreach (var category in TextReportWriter.CategoriesOf(r.Diagnostics))
            {
                var c = SeverityCounts.Of(r.Diagnostics.Where(d => d.Descriptor.Category == category));
                o.Write("<tr><th scope=\"row\">" + Escape(ReportText.Category(category, _c)) + $"</th><td>{N(c.Errors)}</td><td>{N(c.Warnings)}</td><td>{N(c.Infos)}</td><td>{N(c.Suppressed)}</td></tr>\n");
            }
            var t = SeverityCounts.Of(r.Diagnostics);
            o.Write("<tr class=\"total\"><th scope=\"row\">" + Escape(T("Label_Total")) + $"</th><td>{N(t.Errors)}</td><td>{N(t.Warnings)}</td><td>{N(t.Infos)}</td><td>{N(t.Suppressed)}</td></tr>\n");
            o.Write("</tbody>\n</table>\n</section>\n");
        }

        // ---- the organisation as a tree ------------------------------------------------------------

        private void WriteTree(OrganizationOutline outline, OrganizationScore score, int n)
        {
            o.Write($"<section class=\"organisation\" id=\"organisation-{n}\" data-section=\"organisation\">\n<h3>" + Escape(T("Html_Organisation")) + "</h3>\n");
            if (outline.Units.Count == 0)
            {
                o.Write("<p>" + Escape(T("Html_NoUnits")) + "</p>\n</section>\n");
                return;
            }

            // Breadth-first from the roots, so that a limit cuts the deepest and last levels first.
            var drawn = new HashSet<int>();
            var queue = new Queue<int>(outline.Roots);
            while (queue.Count > 0 && drawn.Count < context.MaxDrawnUnits)
            {
                var u = queue.Dequeue();
                if (outline.Units[u].Depth >= context.MaxDrawnLevels) continue;
                drawn.Add(u);
                foreach (var c in outline.Units[u].Children) queue.Enqueue(c);
            }

            // Leaves take the next slot; a parent sits above the middle of its children.
            const double slot = 150, levelHeight = 84, boxW = 136, boxH = 46, margin = 12;
            var x = new Dictionary<int, double>();
            var next = 0;
            double Place(int u)
            {
                var kids = outline.Units[u].Children.Where(drawn.Contains).ToList();
                if (kids.Count == 0) return x[u] = next++ * slot;
                var xs = kids.Select(Place).ToList();
                return x[u] = (xs[0] + xs[^1]) / 2;
            }
            foreach (var root in outline.Roots.Where(drawn.Contains)) Place(root);
            var maxDepth = drawn.Max(u => outline.Units[u].Depth);
            var width = Math.Max(1, next) * slot + 2 * margin;
            var height = (maxDepth + 1) * levelHeight + 2 * margin;
            string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

            o.Write($"<div class=\"tree-wrap\"><svg class=\"tree\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" style=\"width:100%;max-width:{F(width)}px;min-width:{F(width * 0.6)}px;height:auto\" role=\"img\" aria-label=\"" + Escape(T("Html_Organisation")) + "\">\n");
            foreach (var u in drawn.OrderBy(u => u))
            {
                var p = outline.Units[u].ParentIndex;
                if (p < 0 || !drawn.Contains(p)) continue;
                var x1 = margin + x[p] + slot / 2; var y1 = margin + outline.Units[p].Depth * levelHeight + boxH;
                var x2 = margin + x[u] + slot / 2; var y2 = margin + outline.Units[u].Depth * levelHeight;
                o.Write($"<path class=\"edge\" d=\"M{F(x1)} {F(y1)} C{F(x1)} {F((y1 + y2) / 2)} {F(x2)} {F((y1 + y2) / 2)} {F(x2)} {F(y2)}\"/>\n");
            }
            foreach (var u in drawn.OrderBy(u => u))
            {
                var unit = outline.Units[u];
                var card = score.Units[u].Card;
                var folded = unit.SubtreePeople < context.MinimumGroupSize;
                var colour = folded ? ("#eeeeee", "#9e9e9e") : Colour(card.Overall.Score);
                var bx = margin + x[u] + (slot - boxW) / 2; var by = margin + unit.Depth * levelHeight;
                var label = unit.Name.Length > 20 ? unit.Name[..19] + "…" : unit.Name;
                var detail = folded ? T("Html_Folded") : T("Html_NodeScore", card.Overall.Score, card.Counts.Total);
                var tip = unit.Name + " — " + (folded ? T("Html_FoldedLong", context.MinimumGroupSize) : T("Html_NodeScore", card.Overall.Score, card.Counts.Total));
                o.Write($"<g class=\"node{(folded ? " folded" : "")}\" data-unit=\"{Escape(unit.Id)}\"><title>{Escape(tip)}</title>");
                o.Write($"<rect x=\"{F(bx)}\" y=\"{F(by)}\" width=\"{F(boxW)}\" height=\"{F(boxH)}\" rx=\"6\" fill=\"{colour.Item1}\" stroke=\"{colour.Item2}\"{(folded ? " stroke-dasharray=\"4 3\"" : "")}/>");
                o.Write($"<text x=\"{F(bx + boxW / 2)}\" y=\"{F(by + 19)}\" text-anchor=\"middle\" class=\"node-name\">{Escape(label)}</text>");
                o.Write($"<text x=\"{F(bx + boxW / 2)}\" y=\"{F(by + 36)}\" text-anchor=\"middle\" class=\"node-detail\">{Escape(detail)}</text></g>\n");
            }
            o.Write("</svg></div>\n");
            o.Write("<p class=\"legend\"><span class=\"swatch\" style=\"background:#c8e6c9\"></span>" + Escape(T("Html_LegendGood")) +
                    " <span class=\"swatch\" style=\"background:#fff3b0\"></span>" + Escape(T("Html_LegendFair")) +
                    " <span class=\"swatch\" style=\"background:#ffd3a1\"></span>" + Escape(T("Html_LegendPoor")) +
                    " <span class=\"swatch\" style=\"background:#f4a6a6\"></span>" + Escape(T("Html_LegendBad")) +
                    " <span class=\"swatch folded\"></span>" + Escape(T("Html_LegendFolded", context.MinimumGroupSize)) + "</p>\n");
            var hidden = outline.Units.Count - drawn.Count;
            if (hidden > 0)
                o.Write("<p class=\"note tree-limit\">" + Escape(T("Html_TreeLimited", context.MaxDrawnLevels, context.MaxDrawnUnits, hidden)) + "</p>\n");
            o.Write("</section>\n");
        }

        // ---- findings ---------------------------------------------------------------------------------

        private void WriteFindings(AnalysisResult r, OrganizationOutline outline, int n)
        {
            o.Write($"<section class=\"findings\" id=\"findings-{n}\" data-section=\"findings\">\n<h3>" + Escape(T("Html_Findings")) + "</h3>\n");
            var shown = r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
            if (shown.Count == 0) o.Write("<p class=\"clean\">" + Escape(T("Html_NoFindings")) + "</p>\n");
            foreach (var category in TextReportWriter.CategoriesOf(shown))
            {
                var inCategory = shown.Where(d => d.Descriptor.Category == category).ToList();
                if (inCategory.Count == 0) continue;
                o.Write($"<div class=\"category\" data-category=\"{Escape(category)}\">\n<h4>" + Escape(ReportText.Category(category, _c)) + "</h4>\n");
                foreach (var rule in inCategory.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var descriptor = rule.First().Descriptor;
                    var active = rule.Count(d => !d.IsSuppressed);
                    o.Write($"<details class=\"rule\" data-rule=\"{Escape(rule.Key)}\" open>\n<summary><span class=\"sev sev-{Sev(rule.Max(d => d.Severity))}\">{Escape(SeverityLabel(rule.Max(d => d.Severity)))}</span> <code>{Escape(rule.Key)}</code> {Escape(descriptor.Title.ToString(_c))} <span class=\"count\">({N(active)}{(active != rule.Count() ? " + " + N(rule.Count() - active) + " " + Escape(T("Label_Suppressed").ToLower(_c)) : "")})</span></summary>\n");
                    var description = descriptor.Description.ToString(_c);
                    if (!string.IsNullOrWhiteSpace(description))
                        o.Write("<div class=\"way-out\"><strong>" + Escape(T("Html_WhyAndWayOut")) + "</strong> " + Escape(description) + "</div>\n");
                    o.Write("<p class=\"rule-link\"><a href=\"" + Escape(descriptor.HelpLinkUri) + "\">" + Escape(T("Html_RulePage", rule.Key)) + "</a></p>\n<ul class=\"items\">\n");
                    foreach (var d in rule)
                    {
                        o.Write($"<li class=\"finding{(d.IsSuppressed ? " suppressed" : "")}\"><span class=\"msg\">{Escape(d.GetMessage(_c))}</span>");
                        o.Write("<span class=\"where\">" + Escape(Where(d.Location)));
                        var units = UnitNames(outline, d);
                        if (units.Length > 0) o.Write(" · " + Escape(T("Html_Units")) + " " + Escape(units));
                        o.Write("</span>");
                        if (d.IsSuppressed)
                            o.Write("<span class=\"justification\">" + Escape(T("Html_SuppressedBecause")) + " " + Escape(d.SuppressionJustification) + "</span>");
                        o.Write("</li>\n");
                    }
                    o.Write("</ul>\n</details>\n");
                }
                o.Write("</div>\n");
            }
            o.Write("</section>\n");
        }

        // Where a finding is: line and JSON Pointer — but never a person's entry (ids of people are not shown).
        private string Where(Location l)
        {
            if (l.EntityKind == "people") return T("Html_PersonEntry");
            var parts = new List<string>();
            if (l.Span.IsKnown) parts.Add(T("Html_Line", l.Span.StartLine));
            if (l.JsonPointer.Length > 0) parts.Add(l.JsonPointer);
            return string.Join(", ", parts);
        }

        // The units a finding belongs to; a unit below the minimum group size is shown as its nearest large enough ancestor.
        private string UnitNames(OrganizationOutline outline, Diagnostic d)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var start in outline.UnitsOf(d))
            {
                var u = start;
                while (u >= 0 && outline.Units[u].SubtreePeople < context.MinimumGroupSize) u = outline.Units[u].ParentIndex;
                if (u >= 0) names.Add(outline.Units[u].Name);
            }
            return names.Count > 6 ? string.Join(", ", names.Take(6)) + ", …" : string.Join(", ", names);
        }

        // ---- per-unit breakdown -------------------------------------------------------------------------

        private void WriteUnits(OrganizationOutline outline, OrganizationScore score, int n)
        {
            o.Write($"<section class=\"units\" id=\"units-{n}\" data-section=\"units\">\n<h3>" + Escape(T("Html_Units_Title")) + "</h3>\n");
            o.Write("<p class=\"note\">" + Escape(T("Html_UnitsExplained", context.MinimumGroupSize)) + "</p>\n<table>\n<thead><tr>");
            o.Write("<th>" + Escape(T("Html_Unit")) + "</th><th>" + Escape(T("Html_People")) + "</th><th>" + Escape(T("Label_Overall")) + "</th>");
            foreach (var c in VertriebScore.Categories) o.Write("<th>" + Escape(ReportText.Category(c, _c)) + "</th>");
            o.Write("<th>" + Escape(T("Label_Errors")) + "</th><th>" + Escape(T("Label_Warnings")) + "</th><th>" + Escape(T("Label_Info")) + "</th></tr></thead>\n<tbody>\n");
            var folded = 0;
            var listed = 0;
            var omitted = 0;
            // Pre-order, so that each unit follows its parent.
            var stack = new Stack<int>(outline.Roots.Reverse());
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                var unit = outline.Units[u];
                for (var i = unit.Children.Count - 1; i >= 0; i--) stack.Push(unit.Children[i]);
                if (unit.SubtreePeople < context.MinimumGroupSize) { folded++; continue; }
                if (listed == context.MaxBreakdownUnits) { omitted++; continue; }
                listed++;
                var card = score.Units[u].Card;
                o.Write($"<tr data-unit=\"{Escape(unit.Id)}\"><th scope=\"row\" style=\"padding-left:{N(6 + 16 * Math.Min(unit.Depth, 8))}px\">{Escape(unit.Name)}</th><td>{N(unit.SubtreePeople)}</td>");
                o.Write(ScoreCell(card.Overall.Score));
                foreach (var c in card.Categories) o.Write(ScoreCell(c.Score));
                o.Write($"<td>{N(card.Counts.Errors)}</td><td>{N(card.Counts.Warnings)}</td><td>{N(card.Counts.Infos)}</td></tr>\n");
            }
            o.Write("</tbody>\n</table>\n");
            if (folded > 0) o.Write("<p class=\"note\">" + Escape(T("Html_FoldedUnits", folded, context.MinimumGroupSize)) + "</p>\n");
            if (omitted > 0) o.Write("<p class=\"note units-limit\">" + Escape(T("Html_UnitsLimited", context.MaxBreakdownUnits, omitted)) + "</p>\n");
            o.Write("</section>\n");
        }

        private static string ScoreCell(int score) => $"<td class=\"score-cell\" style=\"background:{Colour(score).Fill}\">{N(score)}</td>";

        private string SeverityLabel(DiagnosticSeverity s) => s switch
        {
            DiagnosticSeverity.Error => T("Html_Error"),
            DiagnosticSeverity.Warning => T("Html_Warning"),
            DiagnosticSeverity.Info => T("Html_InfoOne"),
            _ => T("Html_Hidden"),
        };

        private static string Sev(DiagnosticSeverity s) => s.ToString().ToLowerInvariant();

        private static (string Fill, string Stroke) Colour(int score) => score switch
        {
            >= 90 => ("#c8e6c9", "#2e7d32"),
            >= 70 => ("#fff3b0", "#b59b00"),
            >= 50 => ("#ffd3a1", "#d9771e"),
            _ => ("#f4a6a6", "#c62828"),
        };
    }

    private const string Css = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fafbfc; line-height: 1.45; }
.page-header, main, .page-footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
.page-header { padding-top: 24px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.4rem; border-bottom: 2px solid var(--line); padding-bottom: 6px; }
h3 { font-size: 1.15rem; margin-top: 28px; }
h4 { font-size: 1rem; margin: 20px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.org-name { font-size: 1.2rem; margin: 0; }
.intro, .note, .facts, .legend { color: var(--muted); font-size: .92rem; }
.file-name { font-size: .85rem; font-weight: normal; color: var(--muted); }
.file { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 20px; margin: 20px 0; }
.score-cards { display: flex; flex-wrap: wrap; gap: 16px; }
.score-card { flex: 1 1 200px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; text-align: center; background: #fff; }
.gauge-value { font-size: 26px; font-weight: 700; fill: var(--ink); }
.score-label { font-weight: 600; margin-top: 4px; }
.score-detail { font-size: .8rem; color: var(--muted); }
table { border-collapse: collapse; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
thead th { background: #f3f4f6; }
tr.total th, tr.total td { font-weight: 700; }
.tree-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
svg.tree .edge { fill: none; stroke: #9aa4ae; stroke-width: 1.4; }
svg.tree .node-name { font-size: 12px; font-weight: 600; fill: var(--ink); }
svg.tree .node-detail { font-size: 11px; fill: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #888; margin: 0 4px 0 12px; vertical-align: -1px; }
.swatch.folded { background: #eee; border-style: dashed; }
details.rule { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 8px 0; background: #fff; }
details.rule summary { cursor: pointer; font-weight: 600; }
.count { color: var(--muted); font-weight: normal; }
.sev { display: inline-block; font-size: .75rem; padding: 1px 7px; border-radius: 10px; color: #fff; vertical-align: 1px; }
.sev-error { background: #c62828; } .sev-warning { background: #b26a00; } .sev-info { background: #0b5cad; } .sev-hidden { background: #777; }
.way-out { margin: 8px 0; padding: 8px 12px; background: #f6f8fa; border-left: 4px solid var(--accent); }
.rule-link { margin: 4px 0; font-size: .9rem; }
ul.items { margin: 6px 0 0; padding-left: 20px; }
li.finding { margin: 6px 0; }
li.finding .where { display: block; color: var(--muted); font-size: .85rem; }
li.finding.suppressed .msg { text-decoration: line-through; color: var(--muted); }
.justification { display: block; font-size: .85rem; font-style: italic; }
.clean { font-weight: 600; color: #2e7d32; }
.page-footer { color: var(--muted); font-size: .85rem; padding-bottom: 32px; }
@media print { body { background: #fff; } .file { border: none; } details.rule { break-inside: avoid; } }

""";
}
