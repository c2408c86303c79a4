using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Text;

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
internal sealed class HtmlReportWriter : IReportWriter
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

    /// <summary>Each name's rank in ordinal order (equal names, equal ranks) and the distinct names by rank.</summary>
    internal static (int[] Rank, IReadOnlyList<string> Ranked) NameRanks(IReadOnlyList<string> names)
    {
        var order = new int[names.Count];
        var keys = new string[order.Length];
        for (var i = 0; i < order.Length; i++) (order[i], keys[i]) = (i, names[i]);
        Array.Sort(keys, order, StringComparer.Ordinal);
        var rank = new int[order.Length];
        var ranked = new List<string>();
        foreach (var i in order)
        {
            if (ranked.Count == 0 || !string.Equals(ranked[^1], names[i], StringComparison.Ordinal)) ranked.Add(names[i]);
            rank[i] = ranked.Count - 1;
        }
        return (rank, ranked);
    }

    /// <summary>
    /// The seven smallest distinct names (ordinal order) of the given units, by rank (<see cref="NameRanks"/>): one
    /// integer comparison per unit for a list of thousands, where a sorted set compared strings.
    /// </summary>
    internal static IReadOnlyList<string> SmallestNames(IEnumerable<int> units, int[] rank, IReadOnlyList<string> ranked)
    {
        Span<int> smallest = stackalloc int[7];
        var count = 0;
        foreach (var u in units)
        {
            var r = rank[u];
            if (count == 7 && r >= smallest[6]) continue;
            var at = smallest[..count].BinarySearch(r);
            if (at >= 0) continue; // a name already kept
            at = ~at;
            if (count < 7) count++;
            smallest[at..(count - 1)].CopyTo(smallest[(at + 1)..count]);
            smallest[at] = r;
        }
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = ranked[smallest[i]];
        return names;
    }

    private sealed class Page(ReportContext context, TextWriter o)
    {
        private readonly CultureInfo _c = context.Culture;
        private readonly ReportPrivacy _privacy = new(context);

        private string T(string key) => ReportText.Get(key, _c);
        private string T(string key, params object?[] args) => ReportText.Format(key, _c, args);
        private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        private string W(double weight) => weight.ToString("0.##", _c);

        public void Write()
        {
            var lang = _c.TwoLetterISOLanguageName == "de" ? "de" : "en";
            var orgName = context.Results.Count == 1 ? context.Results[0].Outline?.Name ?? FileName(context.Results[0]) : null;
            var title = string.IsNullOrWhiteSpace(context.Branding.Title) ? T("Html_Title") : context.Branding.Title!;
            o.Write("<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n");
            // Defence in depth: even if something slipped through escaping, no other script could run; images only as data URIs (the logo).
            o.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + ReadyScriptHash + "'\">\n");
            o.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            o.Write("<meta name=\"generator\" content=\"vertrieb40 " + Escape(context.ToolVersion) + "\">\n");
            if (context.Branding.Author is { Length: > 0 } author) o.Write("<meta name=\"author\" content=\"" + Escape(author) + "\">\n");
            o.Write("<title>" + Escape(title) + (orgName is null ? "" : " — " + Escape(orgName)) + "</title>\n");
            o.Write("<style>\n" + Css + PrintCss(title, orgName) + "</style>\n</head>\n<body>\n");
            o.Write("<header class=\"page-header\">\n");
            if (context.Branding.LogoDataUri is { } logo && logo.StartsWith("data:image/", StringComparison.Ordinal))
                o.Write("<img class=\"logo\" src=\"" + Escape(logo) + "\" alt=\"\">\n");
            o.Write("<h1>" + Escape(title) + "</h1>\n");
            if (orgName != null) o.Write("<p class=\"org-name\">" + Escape(orgName) + "</p>\n");
            var byline = new List<string>();
            if (context.Branding.Author is { Length: > 0 } a) byline.Add(T("Html_Author", a));
            if (context.Branding.Date is { Length: > 0 } date) byline.Add(T("Html_Date", date));
            if (byline.Count > 0) o.Write("<p class=\"byline\">" + Escape(string.Join(" · ", byline)) + "</p>\n");
            o.Write("<p class=\"intro\">" + Escape(T("Html_Intro")) + "</p>\n</header>\n<main>\n");
            for (var i = 0; i < context.Results.Count; i++) WriteFile(context.Results[i], i + 1);
            o.Write("</main>\n<footer class=\"page-footer\">\n<p>" + Escape(T("Html_Privacy", context.MinimumGroupSize)) + "</p>\n");
            o.Write("<p>" + Escape(T("Html_Generated", "vertrieb40 " + context.ToolVersion)) + "</p>\n</footer>\n");
            o.Write("<script>" + ReadyScript + "</script>\n</body>\n</html>\n");
        }

        // The running header and footer of the printed report: title, organisation, date, page numbers. Chromium
        // prints @page margin boxes; their text is a CSS string, so every character that is not a letter, digit or
        // space is written as a CSS escape (nothing from the input can end the string or the rule).
        private string PrintCss(string title, string? orgName)
        {
            var left = orgName is null ? title : orgName;
            var right = context.Branding.Date ?? "";
            return "@page { size: A4; margin: 15mm 13mm 15mm 13mm;\n"
                   + "  @top-left { content: " + CssString(left) + "; font-size: 8pt; color: #59636e; font-family: system-ui, sans-serif; }\n"
                   + "  @top-right { content: " + CssString(right) + "; font-size: 8pt; color: #59636e; font-family: system-ui, sans-serif; }\n"
                   + "  @bottom-left { content: " + CssString(title) + "; font-size: 8pt; color: #59636e; font-family: system-ui, sans-serif; }\n"
                   + "  @bottom-right { content: " + CssString(T("Html_Page") + " ") + " counter(page) \" / \" counter(pages); font-size: 8pt; color: #59636e; }\n}\n";
        }

        private static string FileName(AnalysisResult r) => r.FilePath is null ? "-" : Path.GetFileName(r.FilePath);

        private void WriteFile(AnalysisResult r, int n)
        {
            var score = r.Score(context.ScoreWeights);
            o.Write($"<section class=\"file\" id=\"file-{n}\" data-file=\"{Escape(FileName(r))}\">\n");
            if (context.Results.Count > 1 || r.Outline?.Name is null)
                o.Write("<h2>" + Escape(r.Outline?.Name ?? FileName(r)) + " <span class=\"file-name\">" + Escape(FileName(r)) + "</span></h2>\n");
            if (r.InputFailed || r.Outline is null)
            {
                o.Write("<p class=\"facts\">" + Escape(T("Html_Facts", r.UnitCount, r.PeopleCount)) + "</p>\n");
                WriteInputErrors(r, n);
                o.Write("</section>\n");
                return;
            }
            var actions = TopActions.Ranked(r, context);
            if (score is null)
            {
                // No rule could judge the document (coverage): "not scored", then what could not be checked and why.
                o.Write("<p class=\"facts\">" + Escape(T("Html_Facts", r.UnitCount, r.PeopleCount)) + "</p>\n");
                o.Write("<p class=\"not-scored\" data-section=\"not-scored\">" + Escape(CoverageText.NotScored(_c)) + "</p>\n");
                WriteCoverage(r, n);
                WriteSummary(r, n);
                WriteFindings(r, r.Outline, actions, n);
                WriteAppendix(r, n);
                o.Write("</section>\n");
                return;
            }
            WriteExecutiveSummary(r, score, actions, n);
            WriteScore(score, n);
            WriteExposure(r, n);
            WriteCoverage(r, n);
            WriteSummary(r, n);
            WriteFindings(r, r.Outline, actions, n);
            WriteTree(r.Outline, score, n);
            WriteUnits(r.Outline, score, n);
            WriteAppendix(r, n);
            o.Write("</section>\n");
        }

        // "What this report could not judge": the rules whose facts the input lacks, each with its reason.
        private void WriteCoverage(AnalysisResult r, int n)
        {
            if (r.Coverage.Count == 0) return;
            var unable = r.Coverage.Where(c => c.Status == CoverageStatus.CouldNotCheck).ToList();
            var notApplicable = r.Coverage.Where(c => c.Status == CoverageStatus.NotApplicable).ToList();
            o.Write($"<section class=\"coverage\" id=\"coverage-{n}\" data-section=\"coverage\">\n<h3>" + Escape(CoverageText.Get("CoverageTitle", _c)) + "</h3>\n");
            // Everything judged: one sentence says so (the counts add nothing a reader needs).
            if (unable.Count == 0 && notApplicable.Count == 0) o.Write("<p>" + Escape(CoverageText.Get("CoverageAllChecked", _c)) + "</p>\n");
            else o.Write("<p>" + Escape(CoverageText.Summary(r, _c)) + "</p>\n");
            if (unable.Count > 0)
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
                o.Write("<li><code>" + Escape(d.Id) + "</code> " + Escape(Where(d.Location)) + ": " + Escape(_privacy.Message(r, d)) + "</li>\n");
            o.Write("</ul>\n</section>\n");
        }

        // ---- page 1: what a board reads ------------------------------------------------------------

        private void WriteExecutiveSummary(AnalysisResult r, OrganizationScore score, IReadOnlyList<TopAction> actions, int n)
        {
            var counts = SeverityCounts.Of(r.Diagnostics);
            o.Write($"<section class=\"executive\" id=\"summary-top-{n}\" data-section=\"executive-summary\">\n<h2>" + Escape(T("Html_Summary_Title")) + "</h2>\n<p class=\"lead\">");
            o.Write(Escape(T("Html_Summary_Overview", r.PeopleCount, r.UnitCount, counts.Errors, counts.Warnings)) + " ");
            if (r.Exposure is { } exposure && exposure.PeopleTotal > 0)
            {
                var overall = exposure.Category(VertriebScore.Overall);
                if (overall.People == 0) o.Write(Escape(T("Html_Summary_Clean")) + " ");
                else
                {
                    o.Write(Escape(T("Html_Summary_Reach", TopActions.Percent(overall.Share, _c), TopActions.Percent(overall.ErrorShare, _c))) + " ");
                    var largest = actions.OrderByDescending(a => a.Exposure.People).ThenBy(a => a.Descriptor.Id, StringComparer.Ordinal).Take(3)
                        .Select(a => a.Descriptor.Title.ToString(_c) + " (" + TopActions.Percent(a.Exposure.Share, _c) + ")");
                    o.Write(Escape(T("Html_Summary_Largest", string.Join("; ", largest))) + " ");
                }
            }
            o.Write(Escape(T("Html_Summary_Score", score.Organization.Overall.Score, score.Organization.Overall.Findings,
                score.Organization.Overall.Findings + score.Organization.Overall.CleanEntities)));
            // What could not be judged, in one plain sentence (issue 12): a board must not read a full score as full coverage.
            if (CoverageText.Sentence(r, score, _c) is { } coverage) o.Write(" <span class=\"summary-coverage\" data-section=\"summary-coverage\">" + Escape(coverage) + "</span>");
            o.Write("</p>\n<h3>" + Escape(T("Html_TopActions")) + "</h3>\n");
            if (actions.Count == 0)
            {
                o.Write("<p class=\"clean\">" + Escape(T("Html_NoActions")) + "</p>\n</section>\n");
                return;
            }
            o.Write("<ol class=\"actions\">\n");
            foreach (var a in actions.Take(3))
            {
                var total = r.Exposure?.PeopleTotal ?? 0;
                o.Write($"<li class=\"action\" data-rule=\"{Escape(a.Descriptor.Id)}\"><span class=\"sev sev-{Sev(a.Exposure.Severity)}\">{Escape(SeverityLabel(a.Exposure.Severity))}</span> ");
                o.Write("<strong>" + Escape(a.Descriptor.Title.ToString(_c)) + "</strong><br>");
                o.Write(Escape(T("Html_ActionExposure", TopActions.Percent(a.Exposure.Share, _c), a.Exposure.People, total, TopActions.WayOut(a.Descriptor, _c))));
                o.Write($" <a class=\"details-link\" href=\"#rule-{n}-{Escape(a.Descriptor.Id)}\">{Escape(T("Html_ActionDetails"))} ({Escape(a.Descriptor.Id)})</a></li>\n");
            }
            o.Write("</ol>\n</section>\n");
        }

        private void WriteScore(OrganizationScore score, int n)
        {
            o.Write($"<section class=\"score\" id=\"score-{n}\" data-section=\"score\">\n<h3>" + Escape(T("Label_ScoreTitle")) + "</h3>\n<div class=\"score-cards\">\n");
            WriteScoreCard(T("Label_Overall"), score.Organization.Overall, "overall");
            foreach (var c in score.Organization.Categories) WriteScoreCard(ReportText.Category(c.Category, _c), c, c.Category.ToLowerInvariant());
            o.Write("</div>\n");
            if (CoverageText.ScoreOver(score, _c) is { } over) o.Write("<p class=\"score-coverage\">" + Escape(over) + "</p>\n");
            foreach (var c in score.Organization.Categories.Where(c => !c.Scored))
                o.Write("<p class=\"score-coverage category-not-scored\">" + Escape(CoverageText.CategoryNotScoredLine(ReportText.Category(c.Category, _c), _c)) + "</p>\n");
            o.Write("<p class=\"note\">" + Escape(T("Html_ScoreExplained", W(context.ScoreWeights.Error), W(context.ScoreWeights.Warning), W(context.ScoreWeights.Info))) + "</p>\n</section>\n");
        }

        // How many people each rule reaches: the three largest in words, then a compact table (docs/score.md).
        // Nothing for an organisation below the minimum group size.
        private void WriteExposure(AnalysisResult r, int n)
        {
            if (r.Exposure is null) return;
            var rows = ExposureText.Rows(r.Exposure, context.MinimumGroupSize, _c, id => TextReportWriter.RuleTitle(r, id, _c));
            if (rows.Count == 0) return;
            o.Write($"<section class=\"exposure\" id=\"exposure-{n}\" data-section=\"exposure\">\n<h3>" + Escape(ExposureText.Label("Label_Exposure", _c)) + "</h3>\n");
            foreach (var e in r.Exposure.Largest(3))
                if (ExposureText.Share(e, _c) is { } sentence) o.Write("<p class=\"exposure-lead\">" + Escape(sentence) + "</p>\n");
            o.Write("<table class=\"exposure-table\">\n<thead><tr><th>" + Escape(ExposureText.Label("Label_Exposure", _c)) + "</th><th>"
                    + Escape(ExposureText.Label("Label_People", _c)) + "</th><th>" + Escape(ExposureText.Label("Label_Share", _c)) + "</th></tr></thead>\n<tbody>\n");
            foreach (var row in rows)
                o.Write("<tr><td>" + Escape(row.Label) + "</td><td class=\"num\">" + Escape(row.People.ToString("N0", _c)) + "</td><td class=\"num\">"
                        + Escape(ExposureText.Percent(row.Share, _c)) + "</td></tr>\n");
            o.Write("</tbody>\n</table>\n</section>\n");
        }

        private void WriteScoreCard(string label, CategoryScore s, string key)
        {
            if (!s.Scored)
            {
                // No rule of the category could judge the input: an empty gauge and "not scored", never a 100.
                o.Write($"<div class=\"score-card not-scored\" data-score=\"{key}\" data-scored=\"false\">\n");
                o.Write("<svg class=\"gauge\" viewBox=\"0 0 100 100\" width=\"64\" height=\"64\" role=\"img\" aria-label=\"" + Escape(label + ": " + CoverageText.CategoryNotScored(_c)) + "\">");
                o.Write("<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"12\" stroke-dasharray=\"6 6\"/>");
                o.Write("<text x=\"50\" y=\"59\" text-anchor=\"middle\" class=\"gauge-value\">–</text></svg>\n");
                o.Write("<div><div class=\"score-label\">" + Escape(label) + "</div>\n");
                o.Write("<div class=\"score-detail\">" + Escape(CoverageText.CategoryNotScored(_c)) + "</div></div>\n</div>\n");
                return;
            }
            var colour = Colour(s.Score);
            o.Write($"<div class=\"score-card\" data-score=\"{key}\">\n");
            // A ring gauge: the arc's length is the score (the circumference of r=40 is ~251.3).
            var arc = (251.327 * s.Score / 100.0).ToString("0.#", CultureInfo.InvariantCulture);
            o.Write("<svg class=\"gauge\" viewBox=\"0 0 100 100\" width=\"64\" height=\"64\" role=\"img\" aria-label=\"" + Escape(label + ": " + N(s.Score)) + "\">");
            o.Write("<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"12\"/>");
            o.Write($"<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"none\" stroke=\"{colour.Stroke}\" stroke-width=\"12\" stroke-dasharray=\"{arc} 251.327\" transform=\"rotate(-90 50 50)\"/>");
            o.Write($"<text x=\"50\" y=\"59\" text-anchor=\"middle\" class=\"gauge-value\">{N(s.Score)}</text></svg>\n");
            o.Write("<div><div class=\"score-label\">" + Escape(label) + "</div>\n");
            o.Write("<div class=\"score-detail\">" + Escape(T("Html_ScoreDetail", s.Findings, s.CleanEntities)) + "</div></div>\n</div>\n");
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

        // ---- findings, by impact ----------------------------------------------------------------------

        private void WriteFindings(AnalysisResult r, OrganizationOutline outline, IReadOnlyList<TopAction> actions, int n)
        {
            o.Write($"<section class=\"findings\" id=\"findings-{n}\" data-section=\"findings\">\n<h2>" + Escape(T("Html_Findings_Impact")) + "</h2>\n");
            var shown = r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
            if (shown.Count == 0) o.Write("<p class=\"clean\">" + Escape(T("Html_NoFindings")) + "</p>\n");
            var impact = actions.ToDictionary(a => a.Descriptor.Id, a => a, StringComparer.Ordinal);
            var rules = shown.GroupBy(d => d.Id, StringComparer.Ordinal)
                .OrderByDescending(g => g.Max(d => d.Severity) >= DiagnosticSeverity.Warning)
                .ThenByDescending(g => impact.TryGetValue(g.Key, out var a) ? a.Impact : 0)
                .ThenByDescending(g => g.Max(d => d.Severity))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            foreach (var rule in rules.Where(g => g.Max(d => d.Severity) >= DiagnosticSeverity.Warning)) WriteRule(r, outline, rule, impact, n);
            var infos = rules.Where(g => g.Max(d => d.Severity) < DiagnosticSeverity.Warning).ToList();
            if (infos.Count > 0)
            {
                // Hints are collapsed: a reader opens them when wanted; the printed report leaves them out.
                o.Write("<details class=\"info-group\" data-severity=\"info\">\n<summary>" + Escape(T("Html_InfoCollapsed", infos.Sum(g => g.Count()))) + "</summary>\n");
                foreach (var rule in infos) WriteRule(r, outline, rule, impact, n);
                o.Write("</details>\n");
            }
            o.Write("</section>\n");
        }

        private void WriteRule(AnalysisResult r, OrganizationOutline outline, IGrouping<string, Diagnostic> rule, Dictionary<string, TopAction> impact, int n)
        {
            var descriptor = rule.First().Descriptor;
            var severity = rule.Max(d => d.Severity);
            var active = rule.Count(d => !d.IsSuppressed);
            o.Write($"<article class=\"rule\" id=\"rule-{n}-{Escape(rule.Key)}\" data-rule=\"{Escape(rule.Key)}\" data-severity=\"{Sev(severity)}\">\n");
            o.Write($"<h4><span class=\"sev sev-{Sev(severity)}\">{Escape(SeverityLabel(severity))}</span> {Escape(descriptor.Title.ToString(_c))} <span class=\"count\">{Escape(rule.Key)} · {N(active)}{(active != rule.Count() ? " + " + N(rule.Count() - active) + " " + Escape(T("Label_Suppressed").ToLower(_c)) : "")}");
            if (impact.TryGetValue(rule.Key, out var a)) o.Write(" · " + Escape(T("Html_Impact", a.Exposure.People)));
            o.Write("</span></h4>\n");
            // The reasons once per rule; each finding below says only what was found.
            var description = descriptor.Description.ToString(_c);
            if (!string.IsNullOrWhiteSpace(description))
                o.Write("<p class=\"way-out\"><strong>" + Escape(T("Html_WhyAndWayOut")) + "</strong> " + Escape(description) + "</p>\n");
            if (RulePages.LinkFor(descriptor, context.RuleLinkBase) is { } link)
                o.Write("<p class=\"rule-link\"><a href=\"" + Escape(link) + "\">" + Escape(T("Html_RulePage", rule.Key)) + "</a></p>\n");
            o.Write("<ul class=\"items\">\n");
            foreach (var d in rule)
            {
                var text = _privacy.IsAboutSmallUnit(r, d) ? _privacy.Message(r, d) : TopActions.WhatWasFound(d, _c);
                if (!context.ShowNames && !_privacy.IsAboutSmallUnit(r, d)) text = _privacy.Mask(text);
                o.Write($"<li class=\"finding{(d.IsSuppressed ? " suppressed" : "")}\"><span class=\"msg\">{Escape(text)}</span>");
                var units = UnitNames(outline, d);
                if (units.Length > 0) o.Write("<span class=\"where\">" + Escape(T("Html_Units")) + " " + Escape(units) + "</span>");
                if (d.IsSuppressed)
                    o.Write("<span class=\"justification\">" + Escape(T("Html_SuppressedBecause")) + " " + Escape(d.SuppressionJustification) + "</span>");
                o.Write("</li>\n");
            }
            o.Write("</ul>\n</article>\n");
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
        // Only the first six names in order are shown. Findings share their unit lists (a role's practices the role's
        // units, findings without a unit the roots), so the text is made once per list; a long list (a role held in
        // thousands of teams) is walked with the names' ranks, keeping the seven smallest, not a sorted set of names.
        private string UnitNames(OrganizationOutline outline, Diagnostic d)
        {
            var units = outline.UnitsOf(d);
            if (_unitNames.TryGetValue(units, out var text)) return text;
            var names = new List<string>(7);
            if (units.Count <= 32)
            {
                var set = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var start in units)
                    if (Shown(outline, start) is var u && u >= 0) set.Add(outline.Units[u].Name);
                names.AddRange(set.Take(7));
            }
            else
            {
                if (!ReferenceEquals(_rankedOutline, outline))
                {
                    var all = new string[outline.Units.Count];
                    for (var i = 0; i < all.Length; i++) all[i] = outline.Units[i].Name;
                    (_rankedOutline, (_nameRank, _rankedNames)) = (outline, NameRanks(all));
                }
                names.AddRange(SmallestNames(units.Select(u => Shown(outline, u)).Where(u => u >= 0), _nameRank!, _rankedNames!));
            }
            text = names.Count > 6 ? string.Join(", ", names.Take(6)) + ", …" : string.Join(", ", names);
            _unitNames[units] = text;
            return text;
        }

        private int Shown(OrganizationOutline outline, int u)
        {
            while (u >= 0 && outline.Units[u].SubtreePeople < context.MinimumGroupSize) u = outline.Units[u].ParentIndex;
            return u;
        }

        private readonly Dictionary<IReadOnlyList<int>, string> _unitNames = new(ReferenceEqualityComparer.Instance);
        private OrganizationOutline? _rankedOutline;
        private int[]? _nameRank;
        private IReadOnlyList<string>? _rankedNames;

        // ---- the organisation as a map ----------------------------------------------------------------

        private const double MapWidth = 680, RowHeight = 30, BoxHeight = 24, LabelFontPx = 11, CharWidthPx = 7.0;
        private const int MapMaxUnits = 36, MapTopLevels = 2, MapWorstUnits = 10;

        private void WriteTree(OrganizationOutline outline, OrganizationScore score, int n)
        {
            o.Write($"<section class=\"organisation\" id=\"organisation-{n}\" data-section=\"organisation\">\n<h3>" + Escape(T("Html_Organisation")) + "</h3>\n");
            if (outline.Units.Count == 0)
            {
                o.Write("<p>" + Escape(T("Html_NoUnits")) + "</p>\n</section>\n");
                return;
            }
            var levels = Math.Min(context.MaxDrawnLevels, outline.Units.Max(u => u.Depth) + 1);
            var drawn = new HashSet<int>();
            var summarised = outline.Units.Count(u => u.Depth < levels) > Math.Min(MapMaxUnits, context.MaxDrawnUnits);
            if (!summarised)
            {
                foreach (var u in outline.Units) if (u.Depth < levels) drawn.Add(u.Index);
            }
            else
            {
                // A large organisation: the top levels and the units with the lowest scores (with their parents).
                foreach (var u in outline.Units) if (u.Depth < MapTopLevels) drawn.Add(u.Index);
                var worst = outline.Units.Where(u => u.SubtreePeople >= context.MinimumGroupSize && u.Depth >= MapTopLevels)
                    .OrderBy(u => score.Units[u.Index].Card.Overall.Score).ThenBy(u => u.Index).Take(MapWorstUnits);
                foreach (var u in worst)
                    for (var x = u.Index; x >= 0 && drawn.Add(x); x = outline.Units[x].ParentIndex) { }
                levels = drawn.Max(u => outline.Units[u].Depth) + 1;
            }

            // One root: several top units hang below the organisation itself.
            var virtualRoot = outline.Roots.Count(drawn.Contains) > 1;
            var columns = levels + (virtualRoot ? 1 : 0);
            var colWidth = MapWidth / columns;
            var boxWidth = colWidth - 14;
            var maxChars = Math.Max(4, (int)((boxWidth - 30) / CharWidthPx));
            var y = new Dictionary<int, double>();
            var row = 0;
            double Place(int u)
            {
                var kids = outline.Units[u].Children.Where(drawn.Contains).ToList();
                if (kids.Count == 0) return y[u] = row++ * RowHeight;
                var ys = kids.Select(Place).ToList();
                return y[u] = (ys[0] + ys[^1]) / 2;
            }
            var roots = outline.Roots.Where(drawn.Contains).ToList();
            foreach (var root in roots) Place(root);
            var rootY = roots.Count == 0 ? 0 : (y[roots[0]] + y[roots[^1]]) / 2;
            var height = Math.Max(1, row) * RowHeight + 8;
            string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
            double X(int depth) => (depth + (virtualRoot ? 1 : 0)) * colWidth + 4;

            o.Write($"<div class=\"tree-wrap\"><svg class=\"tree\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(MapWidth)} {F(height)}\" width=\"{F(MapWidth)}\" height=\"{F(height)}\" role=\"img\" aria-label=\"" + Escape(T("Html_Organisation")) + "\">\n");
            if (virtualRoot)
            {
                foreach (var root in roots)
                    o.Write($"<path class=\"edge\" d=\"M{F(4 + boxWidth)} {F(rootY + 4 + BoxHeight / 2)} H{F(X(0) - 6)} V{F(y[root] + 4 + BoxHeight / 2)} H{F(X(0))}\"/>\n");
            }
            foreach (var u in drawn.OrderBy(u => u))
            {
                var p = outline.Units[u].ParentIndex;
                if (p < 0 || !drawn.Contains(p)) continue;
                var x1 = X(outline.Units[p].Depth) + boxWidth; var y1 = y[p] + 4 + BoxHeight / 2;
                var x2 = X(outline.Units[u].Depth); var y2 = y[u] + 4 + BoxHeight / 2;
                o.Write($"<path class=\"edge\" d=\"M{F(x1)} {F(y1)} H{F(x2 - 6)} V{F(y2)} H{F(x2)}\"/>\n");
            }
            if (virtualRoot)
            {
                var name = outline.Name ?? T("Privacy_TheOrganisation");
                WriteNode(name, Truncate(name, maxChars), null, "#f3f4f6", "#59636e", 4, rootY + 4, boxWidth, false, "root");
            }
            foreach (var u in drawn.OrderBy(u => u))
            {
                var unit = outline.Units[u];
                var card = score.Units[u].Card;
                var folded = unit.SubtreePeople < context.MinimumGroupSize;
                var colour = folded ? ("#ffffff", "#9e9e9e") : Colour(card.Overall.Score);
                var tip = unit.Name + " — " + (folded ? T("Html_FoldedLong", context.MinimumGroupSize) : T("Html_NodeScore", card.Overall.Score, card.Counts.Total));
                WriteNode(tip, Truncate(unit.Name, maxChars), folded ? null : N(card.Overall.Score), colour.Item1, colour.Item2, X(unit.Depth), y[u] + 4, boxWidth, folded, unit.Id);
            }
            o.Write("</svg></div>\n");
            o.Write("<p class=\"legend\"><span class=\"swatch\" style=\"background:#c8e6c9\"></span>" + Escape(T("Html_LegendGood")) +
                    " <span class=\"swatch\" style=\"background:#fff3b0\"></span>" + Escape(T("Html_LegendFair")) +
                    " <span class=\"swatch\" style=\"background:#ffc58a\"></span>" + Escape(T("Html_LegendPoor")) +
                    " <span class=\"swatch\" style=\"background:#e57373\"></span>" + Escape(T("Html_LegendBad")) +
                    " <span class=\"swatch folded\"></span>" + Escape(T("Html_LegendFolded", context.MinimumGroupSize)) + "</p>\n");
            if (summarised)
                o.Write("<p class=\"note tree-limit\">" + Escape(T("Html_OrgMapSummarised", MapTopLevels, MapWorstUnits, outline.Units.Count)) + "</p>\n");
            o.Write("</section>\n");
        }

        // A box with the (possibly shortened) name and, for units of a reportable size, the score as a number, so
        // the map reads in greyscale too; the full name is the box's title (shown on hover) and is in the table.
        private void WriteNode(string tip, string label, string? scoreText, string fill, string stroke, double x, double y, double width, bool folded, string id)
        {
            string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
            o.Write($"<g class=\"node{(folded ? " folded" : "")}\" data-unit=\"{Escape(id)}\"><title>{Escape(tip)}</title>");
            o.Write($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(BoxHeight)}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\"{(folded ? " stroke-dasharray=\"4 3\"" : "")}/>");
            o.Write($"<text x=\"{F(x + 6)}\" y=\"{F(y + 16)}\" class=\"node-name\">{Escape(label)}</text>");
            if (scoreText != null) o.Write($"<text x=\"{F(x + width - 5)}\" y=\"{F(y + 16)}\" text-anchor=\"end\" class=\"node-score\">{Escape(scoreText)}</text>");
            o.Write("</g>\n");
        }

        private static string Truncate(string name, int maxChars) => name.Length <= maxChars ? name : name[..(maxChars - 1)].TrimEnd() + "…";

        // ---- per-unit breakdown (also the map's accessible table) ---------------------------------------

        private void WriteUnits(OrganizationOutline outline, OrganizationScore score, int n)
        {
            o.Write($"<section class=\"units\" id=\"units-{n}\" data-section=\"units\">\n<h3>" + Escape(T("Html_Units_Title")) + "</h3>\n");
            o.Write("<p class=\"note\">" + Escape(T("Html_UnitsExplained", context.MinimumGroupSize)) + "</p>\n<table class=\"unit-table\">\n<caption class=\"visually-hidden\">" + Escape(T("Html_OrgMapTable")) + "</caption>\n<thead><tr>");
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
                o.Write($"<tr data-unit=\"{Escape(unit.Id)}\"><th scope=\"row\" style=\"padding-left:{N(6 + 12 * Math.Min(unit.Depth, 8))}px\">{Escape(unit.Name)}</th><td>{N(unit.SubtreePeople)}</td>");
                o.Write(ScoreCell(card.Overall.Score));
                foreach (var c in card.Categories) o.Write(c.Scored ? ScoreCell(c.Score) : "<td class=\"score-cell not-scored\">–</td>");
                o.Write($"<td>{N(card.Counts.Errors)}</td><td>{N(card.Counts.Warnings)}</td><td>{N(card.Counts.Infos)}</td></tr>\n");
            }
            o.Write("</tbody>\n</table>\n");
            if (folded > 0) o.Write("<p class=\"note\">" + Escape(T("Html_FoldedUnits", folded, context.MinimumGroupSize)) + "</p>\n");
            if (omitted > 0) o.Write("<p class=\"note units-limit\">" + Escape(T("Html_UnitsLimited", context.MaxBreakdownUnits, omitted)) + "</p>\n");
            o.Write("</section>\n");
        }

        // ---- for the analyst: positions and pointers ------------------------------------------------------

        private void WriteAppendix(AnalysisResult r, int n)
        {
            var shown = r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
            if (shown.Count == 0) return;
            o.Write($"<section class=\"appendix\" id=\"appendix-{n}\" data-section=\"appendix\">\n<h3>" + Escape(T("Html_Appendix")) + "</h3>\n");
            o.Write("<p class=\"note\">" + Escape(T("Html_AppendixExplained")) + "</p>\n<table class=\"positions\">\n<thead><tr>");
            foreach (var h in new[] { "Html_Col_Rule", "Html_Col_Entity", "Html_Col_Position", "Html_Col_Pointer" }) o.Write("<th>" + Escape(T(h)) + "</th>");
            o.Write("</tr></thead>\n<tbody>\n");
            foreach (var d in shown)
            {
                var l = d.Location;
                var person = l.EntityKind == "people";
                var small = _privacy.IsAboutSmallUnit(r, d);
                // People's entries and units below the minimum group size are not named here either.
                var entity = person ? T("Html_PersonEntry") : small ? "—" : l.EntityId ?? "";
                var file = l.FilePath is null ? "" : Path.GetFileName(l.FilePath);
                // The file each position belongs to (an HR export or its practices side file), then line and column.
                var position = file + (!l.Span.IsKnown ? "" : l.Sheet != null ? " " + l.Sheet + "!" + Location.ColumnName(l.Span.StartColumn) + N(l.Span.StartLine)
                    : ":" + N(l.Span.StartLine) + ":" + N(l.Span.StartColumn));
                o.Write($"<tr><td>{Escape(d.Id)}</td><td>{Escape(entity)}</td><td>{Escape(position)}</td><td><code>{Escape(person || small ? "" : l.JsonPointer)}</code></td></tr>\n");
            }
            o.Write("</tbody>\n</table>\n</section>\n");
        }

        private static string ScoreCell(int score) => $"<td class=\"score-cell\" style=\"background:{Colour(score).Fill}\">{N(score)}</td>";

        private string SeverityLabel(DiagnosticSeverity s) => ReportText.Severity(s, _c);

        private static string Sev(DiagnosticSeverity s) => s.ToString().ToLowerInvariant();

        // Fills of clearly different lightness, so the four bands stay apart in greyscale; each box also shows its number.
        private static (string Fill, string Stroke) Colour(int score) => score switch
        {
            >= 90 => ("#c8e6c9", "#2e7d32"),
            >= 70 => ("#fff3b0", "#b59b00"),
            >= 50 => ("#ffc58a", "#d9771e"),
            _ => ("#e57373", "#b71c1c"),
        };
    }

    /// <summary>A CSS string literal: letters, digits and spaces as they are, everything else as a CSS escape.</summary>
    internal static string CssString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || ch == ' ') sb.Append(ch);
            else sb.Append('\\').Append(((int)ch).ToString("x6", CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    private const string Css = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fafbfc; line-height: 1.45; font-size: 15px; }
.page-header, main, .page-footer { max-width: 1000px; margin: 0 auto; padding: 0 24px; }
.page-header { padding-top: 20px; }
.logo { float: right; max-height: 56px; max-width: 200px; }
h1 { font-size: 1.7rem; margin: 0 0 2px; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin: 22px 0 10px; }
h3 { font-size: 1.1rem; margin: 20px 0 8px; }
h4 { font-size: 1rem; margin: 0 0 6px; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.org-name { font-size: 1.2rem; margin: 0; font-weight: 600; }
.byline { margin: 2px 0; color: var(--muted); }
.intro, .note, .facts, .legend { color: var(--muted); font-size: .9rem; }
.file-name { font-size: .85rem; font-weight: normal; color: var(--muted); }
.file { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 20px; margin: 16px 0; }
.executive .lead { font-size: 1.02rem; }
ol.actions { padding-left: 22px; margin: 6px 0; }
li.action { margin: 0 0 8px; break-inside: avoid; }
.details-link { font-size: .9rem; white-space: nowrap; }
.score-cards { display: flex; flex-wrap: wrap; gap: 10px; }
.score-card { flex: 1 1 140px; display: flex; align-items: center; gap: 10px; border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px; background: #fff; break-inside: avoid; }
.gauge-value { font-size: 30px; font-weight: 700; fill: var(--ink); }
.score-label { font-weight: 600; }
.score-detail { font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
thead th { background: #f3f4f6; }
tr { break-inside: avoid; }
tr.total th, tr.total td { font-weight: 700; }
.tree-wrap { overflow-x: auto; }
svg.tree { display: block; max-width: 100%; height: auto; }
svg.tree .edge { fill: none; stroke: #9aa4ae; stroke-width: 1.2; }
svg.tree .node-name { font-size: 11px; font-weight: 600; fill: #1f2328; }
svg.tree .node-score { font-size: 11px; font-weight: 700; fill: #1f2328; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #888; margin: 0 4px 0 10px; vertical-align: -1px; }
.swatch.folded { background: #fff; border-style: dashed; }
article.rule { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 8px 0; background: #fff; break-inside: avoid; }
details.info-group { margin: 10px 0; }
details.info-group > summary { cursor: pointer; font-weight: 600; color: var(--muted); }
.count { color: var(--muted); font-weight: normal; font-size: .9rem; }
.sev { display: inline-block; font-size: .8rem; padding: 0 7px; border-radius: 10px; color: #fff; vertical-align: 1px; font-weight: 600; }
.sev-error { background: #c62828; } .sev-warning { background: #8a5300; } .sev-info { background: #0b5cad; } .sev-hidden { background: #777; }
.way-out { margin: 4px 0 6px; padding: 4px 10px; background: #f6f8fa; border-left: 4px solid var(--accent); }
.rule-link { margin: 2px 0; font-size: .9rem; }
ul.items { margin: 4px 0 0; padding-left: 20px; }
li.finding { margin: 3px 0; }
li.finding .where { display: block; color: var(--muted); font-size: .88rem; }
li.finding.suppressed .msg { text-decoration: line-through; color: var(--muted); }
.justification { display: block; font-size: .88rem; font-style: italic; }
.clean { font-weight: 600; color: #2e7d32; }
table.positions, table.unit-table { width: 100%; table-layout: fixed; }
table.unit-table th:first-child { width: 28%; }
table.unit-table th, table.unit-table td { overflow-wrap: anywhere; }
table.positions td, table.positions th { text-align: left; overflow-wrap: anywhere; }
table.positions th:nth-child(1) { width: 11%; } table.positions th:nth-child(2) { width: 27%; } table.positions th:nth-child(3) { width: 30%; }
table.positions code { font-size: .85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.page-footer { color: var(--muted); font-size: .85rem; padding-bottom: 32px; }
@media print {
  body { background: #fff; font-size: 10pt; line-height: 1.3; }
  h1 { font-size: 18pt; } h2 { font-size: 14pt; margin: 14px 0 6px; } h3 { font-size: 12pt; margin: 12px 0 5px; } h4 { font-size: 10.5pt; }
  article.rule { padding: 5px 10px; margin: 6px 0; }
  .score-cards { flex-wrap: nowrap; gap: 6px; }
  .score-card { flex: 1 1 0; min-width: 0; padding: 4px 6px; gap: 6px; }
  .way-out { margin: 3px 0 4px; padding: 3px 8px; }
  li.finding { margin: 2px 0; }
  li.finding .where { display: inline; }
  li.finding .where::before { content: " — "; }
  .page-header, main, .page-footer { max-width: none; padding: 0; }
  .page-header { padding-top: 0; }
  .file { border: none; padding: 0; margin: 0; }
  .intro, .note, .facts, .legend, .score-detail, .count, .file-name, table, li.finding .where, .justification, .rule-link, .details-link, .page-footer, table.positions code { font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  .tree-wrap { overflow: visible; }
  svg.tree { width: 100%; }
  details.info-group:not([open]) { display: none; }
  thead { display: table-header-group; }
  /* Tables are read line by line, not as prose: tight rows keep the classic seed within 8 A4 pages at 10 pt. */
  table td, table th { padding-top: 1px; padding-bottom: 1px; line-height: 1.15; }
  body { line-height: 1.2; }
  article.rule { margin: 4px 0; }
  li.finding { margin: 1px 0; }
  h3 { margin: 9px 0 4px; }
  h2 { margin: 10px 0 5px; }
  p { margin: 4px 0; }
  /* On paper the executive summary already states the largest exposures in words; the table below keeps every figure. */
  .exposure-lead { display: none; }
}

""";
}
