using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reporting;

/// <summary>What every report writer gets: the results (one per input), the descriptors, and the culture for messages.</summary>
public sealed class ReportContext
{
    /// <summary>Creates a report context.</summary>
    public ReportContext(IReadOnlyList<AnalysisResult> results, IReadOnlyList<DiagnosticDescriptor> descriptors, CultureInfo culture)
    {
        Results = results;
        Descriptors = descriptors;
        Culture = culture;
    }

    /// <summary>One result per input file, in input order.</summary>
    public IReadOnlyList<AnalysisResult> Results { get; }
    /// <summary>Every descriptor the analyzer may report.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }
    /// <summary>The language of messages.</summary>
    public CultureInfo Culture { get; }
    /// <summary>The tool version written into reports.</summary>
    public string ToolVersion { get; init; } = typeof(ReportContext).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private IReadOnlyList<RuleSeverityOverride>? _severityOverrides;

    /// <summary>
    /// Severity overrides from configuration (SARIF <c>ruleConfigurationOverrides</c>); unless set, those of the
    /// results (<see cref="AnalysisResult.SeverityOverrides"/>, each distinct one once); empty when none.
    /// </summary>
    internal IReadOnlyList<RuleSeverityOverride> SeverityOverrides
    {
        get => _severityOverrides ??= Results.SelectMany(r => r.SeverityOverrides).Distinct()
            .OrderBy(o => o.RuleId, StringComparer.Ordinal).ThenBy(o => o.Source, StringComparer.Ordinal).ToArray();
        init => _severityOverrides = value;
    }

    /// <summary>
    /// Whether per-rule execution times are written (SARIF <c>run.properties</c>). Off by default: times differ
    /// from run to run, and reports must be byte-identical for the same input.
    /// </summary>
    public bool IncludeRuleTimings { get; init; }

    /// <summary>
    /// The directory file paths are made relative to (SARIF <c>artifactLocation.uri</c> with
    /// <c>uriBaseId</c> SRCROOT); the current directory when null.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// The working directory of the run (SARIF <c>invocations[0].workingDirectory</c>); the current directory when null.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Where the rule pages are published (<c>--rule-link-base</c>): reports link to <c>BASE/ID.md</c>. Null (the
    /// default): no links to rule pages; reports carry the rule's explanation themselves.
    /// </summary>
    public string? RuleLinkBase { get; init; }

    /// <summary>
    /// The middle part of SARIF <c>automationDetails.id</c> (<c>vertrieb40/CATEGORY/</c>), so that several runs
    /// (e.g. one per configuration) coexist in GitHub code scanning. Default <c>default</c>.
    /// </summary>
    public string AutomationCategory { get; init; } = "default";

    /// <summary>
    /// The command that writes the HTML report for the same inputs; the text report ends with it (first-run
    /// guidance). Null: no such line (library hosts, batch reports).
    /// </summary>
    public string? NextStepCommand { get; init; }

    /// <summary>Whether person names may appear in reports (<c>--show-names</c>); off by default.</summary>
    public bool ShowNames { get; init; }

    /// <summary>Branding of the HTML/PDF report: title, author, date and logo (all optional).</summary>
    internal ReportBranding Branding { get; init; } = new();

    /// <summary>The severity weights of the Vertrieb-4.0 score.</summary>
    public Scoring.ScoreWeights ScoreWeights { get; init; } = Scoring.ScoreWeights.Default;

    /// <summary>
    /// Privacy: units with fewer people than this get no breakdown of their own; their findings are shown
    /// with their parent (default 5).
    /// </summary>
    public int MinimumGroupSize { get; init; } = 5;

    /// <summary>The HTML report draws at most this many levels of the unit tree (default 4).</summary>
    public int MaxDrawnLevels { get; init; } = 4;

    /// <summary>The HTML report draws at most this many units (default 150).</summary>
    public int MaxDrawnUnits { get; init; } = 150;

    /// <summary>The HTML report's per-unit table lists at most this many units, in tree order (default 500).</summary>
    public int MaxBreakdownUnits { get; init; } = 500;
}

/// <summary>What a consultant puts on a report handed over as is (<c>--title</c>, <c>--author</c>, <c>--date</c>, <c>--logo</c>).</summary>
internal sealed record ReportBranding
{
    /// <summary>The report's title; the default title when null.</summary>
    public string? Title { get; init; }
    /// <summary>Who wrote the report.</summary>
    public string? Author { get; init; }
    /// <summary>The report's date as text (e.g. 2026-12-01); no date when null, so output stays byte-identical.</summary>
    public string? Date { get; init; }
    /// <summary>The logo as a data URI (<c>data:image/png;base64,…</c>), see <see cref="ReportLogo"/>.</summary>
    public string? LogoDataUri { get; init; }
}


/// <summary>Writes a report in one format.</summary>
public interface IReportWriter
{
    /// <summary>The format name used by <c>--format</c>.</summary>
    string Format { get; }
    /// <summary>Writes the report.</summary>
    void Write(ReportContext context, TextWriter output);
}

/// <summary>The report writers: one entry point for every format the command line writes.</summary>
public static class ReportWriters
{
    /// <summary>The formats, as <c>--format</c> names them (PDF is the HTML report printed by a browser).</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "sarif", "html"];

    /// <summary>The writer of a format (<see cref="Formats"/>; case-insensitive).</summary>
    /// <exception cref="ArgumentException">The format is not one of <see cref="Formats"/>.</exception>
    public static IReportWriter Create(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.ToLowerInvariant() switch
        {
            "text" => new TextReportWriter(),
            "json" => new JsonReportWriter(),
            "sarif" => new SarifReportWriter(),
            "html" => new HtmlReportWriter(),
            _ => throw new ArgumentException($"There is no report format '{format}'; the formats are {string.Join(", ", Formats)}.", nameof(format)),
        };
    }
}

/// <summary>Counts per severity, for summaries.</summary>
internal readonly record struct SeverityCounts(int Errors, int Warnings, int Infos, int Hidden, int Suppressed)
{
    /// <summary>Counts the diagnostics of a list.</summary>
    public static SeverityCounts Of(IEnumerable<Diagnostic> diagnostics)
    {
        int e = 0, w = 0, i = 0, h = 0, s = 0;
        foreach (var d in diagnostics)
        {
            if (d.IsSuppressed) { s++; continue; }
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error: e++; break;
                case DiagnosticSeverity.Warning: w++; break;
                case DiagnosticSeverity.Info: i++; break;
                default: h++; break;
            }
        }
        return new SeverityCounts(e, w, i, h, s);
    }
}
