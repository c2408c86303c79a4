using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

/// <summary><c>vertrieb40 baseline create|update &lt;file|dir&gt;... [-o baseline.json]</c>: records today's findings.</summary>
internal static class BaselineCommand
{
    public const string DefaultPath = "vertrieb40.baseline.json";

    private static readonly HashSet<string> ValueOptions = new(new[] { "-o", "--output", "--culture" }.Concat(AnalysisSetup.ValueOptions));
    private static readonly HashSet<string> Flags = new() { "--recursive" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        if (args.Count == 0 || args[0] is not ("create" or "update"))
            throw new UsageException("baseline needs 'create' or 'update', then the documents: vertrieb40 baseline create org.json -o baseline.json", "baseline braucht „create“ oder „update“, danach die Dokumente: vertrieb40 baseline create org.json -o baseline.json");
        var mode = args[0];
        var cl = CommandLine.Parse(args.Skip(1).ToArray(), ValueOptions, Flags);
        if (cl.Positionals.Count == 0) throw new UsageException($"baseline {mode} needs at least one file or directory.", $"baseline {mode} braucht mindestens eine Datei oder ein Verzeichnis.");
        var output = cl.Value("-o") ?? cl.Value("--output") ?? DefaultPath;
        if (mode == "create" && File.Exists(output))
            throw new UsageException($"'{output}' already exists; use 'vertrieb40 baseline update' to replace it.", $"„{output}“ existiert schon; „vertrieb40 baseline update“ ersetzt sie.");
        if (mode == "update" && !File.Exists(output))
            throw new UsageException($"'{output}' does not exist; use 'vertrieb40 baseline create' first.", $"„{output}“ existiert nicht; zuerst „vertrieb40 baseline create“ ausführen.");
        OutputGuard.CheckPath(output, "-o");
        var inputs = InputFiles.Expand(cl.Positionals, cl.Has("--recursive")).Select(i => i.Path).ToList();
        new OutputGuard().ProtectInputs(inputs).ProtectSideFiles(cl).Check(output, $"The baseline '{output}'");

        var culture = Program.ParseCulture(cl.Value("--culture"));
        var analyzer = AnalysisSetup.Analyzer(cl);
        var options = AnalysisSetup.Options(cl, culture);
        var results = inputs.Select(p => analyzer.AnalyzeFile(p, options)).ToList();
        if (results.Any(r => r.InputFailed))
        {
            // No baseline of a document that cannot be read: it would look clean.
            new TextReportWriter().Write(new ReportContext(results, analyzer.SupportedDiagnostics, culture), stdout);
            stderr.WriteLine(CliText.Say(culture, "vertrieb40: no baseline written: fix the input errors first.", "vertrieb40: keine Baseline geschrieben: zuerst die Eingabefehler beheben."));
            return ExitCodes.InputError;
        }
        var baseline = Baseline.Create(results.SelectMany(r => r.Diagnostics));
        AtomicFile.WriteText(output, baseline.Write);
        stdout.WriteLine(CliText.Say(culture, $"Baseline with {baseline.Entries.Count} finding{(baseline.Entries.Count == 1 ? "" : "s")} of {results.Count} document{(results.Count == 1 ? "" : "s")} written to {output}.",
            "Baseline mit {0:plural:one=# Befund|other=# Befunden} aus {1:plural:one=# Dokument|other=# Dokumenten} nach {2} geschrieben.", baseline.Entries.Count, results.Count, output));
        return ExitCodes.Success;
    }
}
