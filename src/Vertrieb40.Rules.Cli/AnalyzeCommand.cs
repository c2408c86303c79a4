using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

internal static class AnalyzeCommand
{
    private static readonly HashSet<string> ValueOptions = new(new[] { "--format", "--output", "--fail-on", "--culture", "--baseline", "--min-group-size" }.Concat(AnalysisSetup.ValueOptions));
    private static readonly HashSet<string> Flags = new() { "--recursive", "--strict-baseline", "--report-timings" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var (rest, warnAll, warnIds) = AnalysisSetup.ExtractWarnAsError(args);
        var cl = CommandLine.Parse(rest, ValueOptions, Flags);
        if (cl.Positionals.Count == 0) throw new UsageException("analyze needs at least one file or directory.");
        var format = cl.OneOf("--format", "text", "text", "json", "sarif", "html");
        var failOn = cl.OneOf("--fail-on", "error", "error", "warning", "info", "none");
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var strictBaseline = cl.Has("--strict-baseline");
        if (strictBaseline && cl.Value("--baseline") is null) throw new UsageException("--strict-baseline needs --baseline FILE.");

        var inputs = InputFiles.Expand(cl.Positionals, cl.Has("--recursive"));
        var analyzer = AnalysisSetup.Analyzer(cl);
        var options = AnalysisSetup.Options(cl, culture, warnAll, warnIds);
        if (cl.Value("--baseline") is { } baselinePath) options.Baseline = AnalysisSetup.ReadBaseline(baselinePath);
        var results = inputs.Select(path => analyzer.AnalyzeFile(path, options)).ToList();

        IReportWriter writer = format switch
        {
            "json" => new JsonReportWriter(),
            "sarif" => new SarifReportWriter(),
            "html" => new HtmlReportWriter(),
            _ => new TextReportWriter(),
        };
        var context = new ReportContext(results, analyzer.SupportedDiagnostics, culture)
        {
            IncludeRuleTimings = cl.Has("--report-timings"),
            MinimumGroupSize = MinimumGroupSize(cl.Value("--min-group-size")),
        };
        var output = cl.Value("--output");
        if (output is null) writer.Write(context, stdout);
        else AtomicFile.WriteText(output, w => writer.Write(context, w));

        if (results.Any(r => r.InputFailed)) return ExitCodes.InputError;
        var threshold = failOn switch
        {
            "error" => (DiagnosticSeverity?)DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" => DiagnosticSeverity.Info,
            _ => null,
        };
        // With a baseline, only findings it does not hold count (the baseline accepts the rest).
        var failed = threshold != null && results.SelectMany(r => r.Active).Any(d => d.Severity >= threshold && d.Severity != DiagnosticSeverity.Hidden
            && !(d.Properties.TryGetValue(Baseline.StateProperty, out var state) && state == Baseline.Unchanged));
        // Strict: a stale baseline (entries whose findings are gone) fails too, so it is kept current.
        if (strictBaseline && results.SelectMany(r => r.Diagnostics).Any(d => d.Id == InputDescriptors.BaselineFindingAbsent.Id))
            failed = true;
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static int MinimumGroupSize(string? value)
    {
        if (value is null) return 5;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        throw new UsageException($"Option --min-group-size takes a whole number of people, at least 1 (got '{value}').");
    }
}
