using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

internal static class AnalyzeCommand
{
    private static readonly HashSet<string> ValueOptions = new() { "--format", "--output", "--fail-on", "--culture", "--rule-option", "--min-group-size" };
    private static readonly HashSet<string> Flags = new() { "--recursive", "--report-timings" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, Flags);
        if (cl.Positionals.Count == 0) throw new UsageException("analyze needs at least one file or directory.");
        var format = cl.OneOf("--format", "text", "text", "json", "sarif", "html");
        var failOn = cl.OneOf("--fail-on", "error", "error", "warning", "info", "none");
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var ruleOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in cl.Values("--rule-option"))
        {
            var eq = o.IndexOf('=');
            if (eq <= 0 || !o[..eq].Contains('.')) throw new UsageException($"--rule-option takes ID.option=value (got '{o}').");
            ruleOptions[o[..eq].Trim()] = o[(eq + 1)..].Trim();
        }

        var inputs = InputFiles.Expand(cl.Positionals, cl.Has("--recursive"));
        var analyzer = OrganizationAnalyzer.Default;
        var options = new AnalysisOptions { Culture = culture, RuleOptions = new RuleOptions(ruleOptions) };
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
        if (threshold is null) return ExitCodes.Success;
        return results.SelectMany(r => r.Active).Any(d => d.Severity >= threshold && d.Severity != DiagnosticSeverity.Hidden)
            ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static int MinimumGroupSize(string? value)
    {
        if (value is null) return 5;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        throw new UsageException($"Option --min-group-size takes a whole number of people, at least 1 (got '{value}').");
    }
}
