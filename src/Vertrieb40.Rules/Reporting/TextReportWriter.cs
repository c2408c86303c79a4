using Vertrieb40.Rules.Text;
using System.Globalization;
using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// Compiler-style text: one line per diagnostic (<c>file(line,col): warning VT1009: …</c>), then a summary
/// table (counts per category and severity), the Vertrieb-4.0 score per file, and the one-line summary last.
/// </summary>
internal sealed class TextReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "text";

    /// <summary>Whether hidden diagnostics are written (default false).</summary>
    public bool IncludeHidden { get; init; }

    /// <inheritdoc />
    public void Write(ReportContext context, TextWriter output)
    {
        var culture = context.Culture;
        var german = culture.TwoLetterISOLanguageName == "de";
        var all = new List<Diagnostic>();
        var privacy = new ReportPrivacy(context);
        foreach (var result in context.Results)
            foreach (var d in result.Diagnostics)
            {
                all.Add(d);
                if (d.IsSuppressed || (d.Severity == DiagnosticSeverity.Hidden && !IncludeHidden)) continue;
                output.WriteLine(Line(d, privacy.Message(result, d)));
            }

        output.WriteLine();
        WriteCountTable(all, culture, output);
        output.WriteLine();
        WriteScoreTable(context, culture, output);
        output.WriteLine();
        // Coverage: what the rules could not judge (one line per read file; the prefix names the file when there are several).
        foreach (var r in context.Results.Where(r => !r.InputFailed && r.Coverage.Count > 0))
            output.WriteLine((context.Results.Count > 1 && r.FilePath != null ? Path.GetFileName(r.FilePath) + ": " : "") + CoverageText.Summary(r, culture));
        if (WriteExposureTable(context, culture, output)) output.WriteLine();

        var c = SeverityCounts.Of(all);
        var files = context.Results.Count;
        output.WriteLine(german
            ? string.Create(culture, $"{files} {(files == 1 ? "Datei" : "Dateien")} geprüft: {c.Errors} Fehler, {c.Warnings} {(c.Warnings == 1 ? "Warnung" : "Warnungen")}, {c.Infos} {(c.Infos == 1 ? "Hinweis" : "Hinweise")}, {c.Suppressed} unterdrückt.")
            : string.Create(culture, $"{files} {(files == 1 ? "file" : "files")} analysed: {c.Errors} {(c.Errors == 1 ? "error" : "errors")}, {c.Warnings} {(c.Warnings == 1 ? "warning" : "warnings")}, {c.Infos} info, {c.Suppressed} suppressed."));
        if (context.NextStepCommand != null) WriteNextSteps(context, output);
    }

    // First-run guidance: the three actions with the largest impact (as the HTML summary ranks them) and the command
    // that writes the report for people.
    private static void WriteNextSteps(ReportContext context, TextWriter output)
    {
        var culture = context.Culture;
        var actions = context.Results
            .SelectMany(r => TopActions.Ranked(r, context).Select(a => (Action: a, Total: r.Exposure?.PeopleTotal ?? 0)))
            .GroupBy(x => x.Action.Descriptor.Id, StringComparer.Ordinal)
            .Select(g => (g.First().Action, People: g.Sum(x => x.Action.Exposure.People), Total: g.Sum(x => x.Total), Impact: g.Sum(x => x.Action.Impact)))
            .OrderByDescending(x => x.Impact).ThenBy(x => x.Action.Descriptor.Id, StringComparer.Ordinal)
            .Take(3).ToList();
        output.WriteLine();
        if (actions.Count > 0)
        {
            output.WriteLine(ReportText.Get("Text_NextSteps", culture));
            var n = 0;
            foreach (var (action, people, total, _) in actions)
            {
                var share = total == 0 ? 0 : (double)people / total;
                var exposure = ReportText.Format("Html_ActionExposure", culture, TopActions.Percent(share, culture), people, total,
                    TopActions.WayOut(action.Descriptor, culture));
                output.WriteLine(TerminalText.Escape(string.Create(CultureInfo.InvariantCulture, $"  {++n}. {action.Descriptor.Id} {action.Descriptor.Title.ToString(culture)} — {exposure}")));
            }
        }
        output.WriteLine(TerminalText.Escape(ReportText.Get("Text_HtmlCommand", culture) + " " + context.NextStepCommand));
    }

    // Compiler-style, as Diagnostic.ToString, with the message the privacy policy allows.
    private static string Line(Diagnostic d, string message)
    {
        var prefix = d.Location.ToString();
        return TerminalText.Escape((prefix.Length > 0 ? prefix + ": " : "") + Diagnostic.SeverityName(d.Severity) + " " + d.Id + ": " + message);
    }

    /// <summary>The catalog categories always, then any other category that has diagnostics (Input, Internal, …).</summary>
    internal static IReadOnlyList<string> CategoriesOf(IEnumerable<Diagnostic> diagnostics)
        => VertriebScore.Categories.Concat(diagnostics.Select(d => d.Descriptor.Category)
                .Where(c => !VertriebScore.Categories.Contains(c)).Distinct().OrderBy(c => c, StringComparer.Ordinal))
            .ToList();

    private static void WriteCountTable(List<Diagnostic> all, CultureInfo culture, TextWriter output)
    {
        var header = new[]
        {
            ReportText.Get("Label_Category", culture), ReportText.Get("Label_Errors", culture), ReportText.Get("Label_Warnings", culture),
            ReportText.Get("Label_Info", culture), ReportText.Get("Label_Suppressed", culture),
        };
        var rows = new List<string[]>();
        foreach (var category in CategoriesOf(all))
        {
            var c = SeverityCounts.Of(all.Where(d => d.Descriptor.Category == category));
            rows.Add(new[] { ReportText.Category(category, culture), N(c.Errors), N(c.Warnings), N(c.Infos), N(c.Suppressed) });
        }
        var t = SeverityCounts.Of(all);
        rows.Add(new[] { ReportText.Get("Label_Total", culture), N(t.Errors), N(t.Warnings), N(t.Infos), N(t.Suppressed) });
        WriteTable(header, rows, output);
    }

    private static void WriteScoreTable(ReportContext context, CultureInfo culture, TextWriter output)
    {
        var header = new List<string> { ReportText.Get("Label_ScoreTitle", culture), ReportText.Get("Label_Overall", culture) };
        header.AddRange(VertriebScore.Categories.Select(c => ReportText.Category(c, culture)));
        var rows = new List<string[]>();
        var notes = new List<string>();
        foreach (var r in context.Results)
        {
            var name = r.FilePath is null ? "-" : TerminalText.Escape(Path.GetFileName(r.FilePath));
            var score = r.Score(context.ScoreWeights);
            if (score is null)
            {
                rows.Add(new[] { name, r.InputFailed ? ReportText.Get("Label_NotScored", culture) : CoverageText.NotScored(culture) });
                continue;
            }
            var row = new List<string> { name, N(score.Organization.Overall.Score) };
            // A category none of whose rules could judge the input has no score: "not scored", never a 100.
            row.AddRange(score.Organization.Categories.Select(c => c.Scored ? N(c.Score) : CoverageText.CategoryNotScored(culture)));
            if (CoverageText.ScoreOver(score, culture) is { } over) row.Add("(" + over + ")");
            rows.Add(row.ToArray());
            foreach (var c in score.Organization.Categories.Where(c => !c.Scored))
                notes.Add((context.Results.Count > 1 ? name + ": " : "") + CoverageText.CategoryNotScoredLine(ReportText.Category(c.Category, culture), culture));
        }
        WriteTable(header.ToArray(), rows, output);
        foreach (var note in notes) output.WriteLine(note);
    }

    // How many people each rule reaches, per file (docs/score.md); nothing for groups below the minimum size.
    private static bool WriteExposureTable(ReportContext context, CultureInfo culture, TextWriter output)
    {
        var written = false;
        foreach (var r in context.Results)
        {
            if (r.Exposure is null) continue;
            var rows = ExposureText.Rows(r.Exposure, context.MinimumGroupSize, culture, id => RuleTitle(r, id, culture));
            if (rows.Count == 0) continue;
            var title = ExposureText.Label("Label_Exposure", culture) + (context.Results.Count > 1 && r.FilePath != null ? " " + TerminalText.Escape(Path.GetFileName(r.FilePath)) : "");
            WriteTable(new[] { title, ExposureText.Label("Label_People", culture), ExposureText.Label("Label_Share", culture) },
                rows.Select(x => new[] { x.Label, x.People.ToString("N0", culture), ExposureText.Percent(x.Share, culture) }).ToList(), output);
            written = true;
        }
        return written;
    }

    internal static string RuleTitle(AnalysisResult result, string ruleId, CultureInfo culture)
        => result.Diagnostics.FirstOrDefault(d => d.Id == ruleId)?.Descriptor.Title.ToString(culture) ?? "";

    // First column left-aligned, the others right-aligned; widths from the longest cell.
    private static void WriteTable(string[] header, List<string[]> rows, TextWriter output)
    {
        var widths = new int[header.Length];
        foreach (var row in rows.Prepend(header))
            for (var i = 0; i < row.Length && i < widths.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        foreach (var row in rows.Prepend(header))
        {
            var sb = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                if (i == 0) sb.Append(row[i].PadRight(widths[0]));
                else if ((row.Length < header.Length && i == row.Length - 1) || i >= widths.Length) sb.Append("  ").Append(row[i]); // a note spanning the row, or after it
                else sb.Append("  ").Append(row[i].PadLeft(widths[i]));
            }
            output.WriteLine(sb.ToString().TrimEnd());
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
