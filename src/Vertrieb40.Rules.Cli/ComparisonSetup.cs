using System.Globalization;
using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Cli;

/// <summary>What diff and trend share: analysis options, the snapshot loader, report options, writing the report.</summary>
internal static class ComparisonSetup
{
    public static readonly string[] ValueOptions = new[] { "--format", "--output", "--culture", "--min-group-size", "--title", "--practices", "--mapping" }
        .Concat(AnalysisSetup.ValueOptions).ToArray();

    public static readonly string[] Flags = { "--show-names" };

    public sealed record Setup(SnapshotLoader Loader, ComparisonReportOptions Report, string Format, string? Output, CultureInfo Culture,
        OrganizationAnalyzer Analyzer, AnalysisOptions Options, Reporting.ReportContext Context);

    public static Setup Create(CommandLine cl, IEnumerable<string> inputs, string? format = null)
    {
        format ??= cl.OneOf("--format", "text", "text", "json", "html");
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var output = cl.Value("--output");
        if (output != null)
        {
            OutputGuard.CheckPath(output, "--output");
            new OutputGuard().ProtectInputs(inputs).ProtectSideFiles(cl).Check(output, "--output");
        }
        var reportOptions = ReportOptions.Parse(cl, culture);
        var analyzer = AnalysisSetup.Analyzer(cl);
        var options = AnalysisSetup.Options(cl, culture);
        options.Reader = new ReaderOptions
        {
            HrExport = new HrExportOptions { PracticesFile = AnalysisSetup.RequireFile(cl.Value("--practices"), "--practices"), MappingFile = AnalysisSetup.RequireFile(cl.Value("--mapping"), "--mapping") },
            Privacy = new Privacy.PrivacyOptions { ShowNames = cl.Has("--show-names") },
        };
        var context = reportOptions.Context(Array.Empty<AnalysisResult>(), analyzer.SupportedDiagnostics);
        var report = new ComparisonReportOptions { Culture = culture, ShowNames = cl.Has("--show-names"), Title = cl.Value("--title") };
        return new Setup(new SnapshotLoader(analyzer, options, context), report, format, output, culture, analyzer, options, context);
    }

    /// <summary>Prints why the loads that failed cannot be used; true when every load has a snapshot.</summary>
    public static bool Report(IEnumerable<SnapshotLoad> loads, TextWriter stdout, TextWriter stderr, CultureInfo culture)
    {
        var ok = true;
        foreach (var l in loads)
        {
            if (l.Note != null) stderr.WriteLine("vertrieb40: " + TerminalText.Escape(l.Note));
            if (l.Snapshot != null) continue;
            ok = false;
            foreach (var d in l.InputDiagnostics) stdout.WriteLine(d.ToString(culture));
            foreach (var e in l.Errors) stdout.WriteLine(TerminalText.Escape(e.ToString()));
            stderr.WriteLine(TerminalText.Escape(CliText.Say(culture, $"vertrieb40: '{l.Path}' cannot be compared: " + (l.InputDiagnostics.Count > 0 ? "fix its input errors first." : "see above."),
                "vertrieb40: „{0}“ kann nicht verglichen werden: {1}", l.Path, l.InputDiagnostics.Count > 0 ? "zuerst seine Eingabefehler beheben." : "siehe oben.")));
        }
        return ok;
    }

    public static void Write(Setup setup, Action<TextWriter> write, TextWriter stdout)
    {
        if (setup.Output is null) write(stdout);
        else IO.AtomicFile.WriteText(setup.Output, w => write(w));
    }

    /// <summary>The severity for <c>--fail-on-new</c>; null for none.</summary>
    public static DiagnosticSeverity? Threshold(string value) => value switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => null,
    };
}
