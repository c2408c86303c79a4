using Vertrieb40.Rules.Text;
using Vertrieb40.Rules.IO;
using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Privacy;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>analyze</c>: files, directories and globs → a batch run in parallel → one combined report (standard
/// output or <c>--output</c>), or one report per input plus a summary (<c>--output-dir</c>).
/// </summary>
internal static class AnalyzeCommand
{
    private static readonly HashSet<string> ValueOptions = new(new[]
    {
        "--format", "--output", "--fail-on", "--culture", "--baseline",
        "--practices", "--mapping", "--calendar", "--pseudonym-key-file", "--parallel", "--output-dir", "--shard", "--what-if",
    }.Concat(AnalysisSetup.ValueOptions).Concat(ReportOptions.ValueOptions));
    private static readonly HashSet<string> Flags = new() { "--recursive", "--pseudonymize", "--show-names", "--strict-baseline", "--report-timings" };

    /// <summary>The environment variable that holds the pseudonymisation key.</summary>
    public const string PseudonymKeyVariable = "VERTRIEB40_PSEUDONYM_KEY";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var (rest, warnAll, warnIds) = AnalysisSetup.ExtractWarnAsError(args);
        var cl = CommandLine.Parse(rest, ValueOptions, Flags);
        if (cl.Positionals.Count == 0) throw new UsageException("analyze needs at least one file, directory or glob.", "analyze braucht mindestens eine Datei, ein Verzeichnis oder ein Muster.");
        var format = cl.OneOf("--format", "text", "text", "json", "sarif", "html", "pdf");
        var failOn = cl.OneOf("--fail-on", "error", "error", "warning", "info", "none");
        if (cl.Value("--what-if") is { } fixesPath)
        {
            if (warnAll || warnIds.Count > 0) throw new UsageException("--what-if cannot be combined with --warnaserror.", "--what-if lässt sich nicht mit --warnaserror verbinden.");
            return WhatIfRun.Run(cl, fixesPath, format, failOn, stdout, stderr);
        }
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var strictBaseline = cl.Has("--strict-baseline");
        if (strictBaseline && cl.Value("--baseline") is null) throw new UsageException("--strict-baseline needs --baseline FILE.", "--strict-baseline braucht --baseline DATEI.");
        var reportOptions = ReportOptions.Parse(cl, culture);
        var output = cl.Value("--output");
        var outputDir = cl.Value("--output-dir");
        if (output != null && outputDir != null) throw new UsageException("Use either --output (one combined report) or --output-dir (one report per input), not both.", "Entweder --output (ein gemeinsamer Bericht) oder --output-dir (ein Bericht je Eingabe), nicht beides.");
        if (format == "pdf" && output is null) throw new UsageException("--format pdf needs --output FILE.pdf (a PDF is not written to the terminal).", "--format pdf braucht --output DATEI.pdf (ein PDF wird nicht ins Terminal geschrieben).");
        if (format == "pdf" && PdfPrinter.FindChromium(env) is null)
            PdfPrinter.Print("", output!, env); // throws the clear message before any analysis runs
        if (output != null) OutputGuard.CheckPath(output, "--output");
        if (outputDir != null) OutputGuard.CheckDirectory(outputDir);
        var parallelism = ParseParallel(cl.Value("--parallel"));
        Shard? shard = cl.Value("--shard") is { } s ? Shard.Parse(s) : null;
        var readerOptions = new ReaderOptions
        {
            HrExport = new HrExportOptions
            {
                PracticesFile = AnalysisSetup.RequireFile(cl.Value("--practices"), "--practices"), MappingFile = AnalysisSetup.RequireFile(cl.Value("--mapping"), "--mapping"),
                CalendarFiles = cl.Values("--calendar").Select(c => AnalysisSetup.RequireFile(c, "--calendar")!).ToArray(),
            },
            Privacy = ParsePrivacy(cl, env),
        };

        if (cl.Positionals.FirstOrDefault(p => p.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)) is { } calendar)
            throw new UsageException($"'{calendar}' is a calendar: name it with --calendar beside the HR export whose people attend (vertrieb40 analyze export.csv --calendar {calendar}).", $"„{calendar}“ ist ein Kalender: mit --calendar neben dem HR-Export angeben, dessen Personen teilnehmen (vertrieb40 analyze export.csv --calendar {calendar}).");
        var inputs = InputFiles.Expand(cl.Positionals, cl.Has("--recursive"), outputDir);
        // Attendees are matched to the people of an HR export: a calendar beside an organisation document would be ignored silently.
        if (readerOptions.HrExport.CalendarFiles.Count > 0 && !inputs.Any(i => HrExportReader.IsHrExport(i.Path) || i.Path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
            throw new UsageException("--calendar adds meetings to an HR export (.csv, .tsv or .xlsx); none of the inputs is one.", "--calendar ergänzt Termine zu einem HR-Export (.csv, .tsv oder .xlsx); keine der Eingaben ist einer.");
        var selected = shard is { } sh ? inputs.Where(i => sh.Contains(i.Key)).ToList() : inputs.ToList();
        // Checked before anything runs: no output of this run may replace an input or a side file.
        var guard = output != null || outputDir != null ? new OutputGuard().ProtectInputs(inputs.Select(i => i.Path)).ProtectSideFiles(cl) : null;
        if (output != null) guard!.Check(output, "--output");

        var analyzer = AnalysisSetup.Analyzer(cl); // compiled once; every file gets its own session
        var options = AnalysisSetup.Options(cl, culture, warnAll, warnIds);
        options.Reader = readerOptions;
        if (cl.Value("--baseline") is { } baselinePath) options.Baseline = AnalysisSetup.ReadBaseline(baselinePath, culture);
        var writer = CreateWriter(format);

        // Report names are fixed before the run, in input order, so they do not depend on completion order.
        var reportNames = new Dictionary<InputFile, string>();
        if (outputDir != null)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in selected)
            {
                var name = ReportNames.For(outputDir, i.Key, format, taken);
                guard!.Check(name, $"The report for '{i.Path}' in --output-dir");
                reportNames[i] = name;
            }
            guard!.Check(Path.Combine(outputDir, "summary.txt"), "The batch summary in --output-dir");
            guard.Check(Path.Combine(outputDir, "summary.json"), "The batch summary in --output-dir");
        }

        using var progress = env.InteractiveErrorOutput && selected.Count > 1 ? new ProgressBar(stderr, selected.Count) : null;
        var outcomes = BatchRunner.Run(selected, parallelism, input => analyzer.AnalyzeFile(input.Path, options),
            outcome =>
            {
                if (outcome.Result != null && reportNames.TryGetValue(outcome.Input, out var reportPath))
                {
                    var single = reportOptions.Context(new[] { outcome.Result }, analyzer.SupportedDiagnostics);
                    if (format == "pdf") PdfPrinter.Print(ToText(writer, single), reportPath, env);
                    else AtomicFile.WriteText(reportPath, w => writer.Write(single, w));
                    outcome.ReportPath = reportPath;
                }
                progress?.Completed(outcome.Failure != null || outcome.Result?.InputFailed == true);
            },
            env.Cancellation);
        progress?.Dispose();

        foreach (var o in outcomes.Where(o => o.WriteFailure != null))
            stderr.WriteLine(TerminalText.Escape(CliText.Say(culture, $"vertrieb40: cannot write the report for '{o.Input.Path}': {o.WriteFailure!.Message.TrimEnd('.')} (the other files were analysed)",
                "vertrieb40: der Bericht für „{0}“ kann nicht geschrieben werden: {1} (die anderen Dateien wurden analysiert)", o.Input.Path, o.WriteFailure!.Message.TrimEnd('.'))));
        foreach (var o in outcomes.Where(o => o.Failure != null))
        {
            stderr.WriteLine(TerminalText.Escape(CliText.Say(culture, $"vertrieb40: internal error while analysing '{o.Input.Path}': {o.Failure!.GetType().Name}: {o.Failure.Message} (the other files were analysed)",
                "vertrieb40: interner Fehler bei der Analyse von „{0}“: {1}: {2} (die anderen Dateien wurden analysiert)", o.Input.Path, o.Failure!.GetType().Name, o.Failure.Message)));
            if (env.GetEnvironmentVariable("VERTRIEB40_DEBUG") == "1") stderr.WriteLine(o.Failure);
        }

        var results = outcomes.Where(o => o.Result != null).Select(o => o.Result!).ToList();
        if (outputDir != null)
        {
            AtomicFile.WriteText(Path.Combine(outputDir, "summary.txt"), w => BatchSummary.WriteText(outcomes, shard, w));
            AtomicFile.WriteText(Path.Combine(outputDir, "summary.json"), w => BatchSummary.WriteJson(outcomes, shard, outputDir, w));
            BatchSummary.WriteText(outcomes, shard, stdout);
        }
        else
        {
            var context = reportOptions.Context(results, analyzer.SupportedDiagnostics,
                format == "text" ? NextStepCommand(cl, culture) : null);
            if (output is null) writer.Write(context, stdout);
            else if (format == "pdf") PdfPrinter.Print(ToText(writer, context), output, env);
            else AtomicFile.WriteText(output, w => writer.Write(context, w));
        }

        var notRun = outcomes.Where(o => !o.Started).ToList();
        if (notRun.Count > 0)
        {
            stderr.WriteLine(CliText.Say(culture, string.Create(CultureInfo.InvariantCulture,
                $"vertrieb40: interrupted: {outcomes.Length - notRun.Count} of {outcomes.Length} files analysed; not analysed:"),
                "vertrieb40: unterbrochen: {0} von {1:plural:one=# Datei|other=# Dateien} analysiert; nicht analysiert:", outcomes.Length - notRun.Count, outcomes.Length));
            foreach (var o in notRun) stderr.WriteLine("  " + TerminalText.Escape(o.Input.Path));
            return ExitCodes.Interrupted;
        }
        if (outcomes.Any(o => o.Failure != null)) return ExitCodes.InternalError;
        if (outcomes.Any(o => o.WriteFailure != null)) return ExitCodes.InputError; // the environment (disk full, permissions), not the tool
        if (results.Any(r => r.InputFailed)) return ExitCodes.InputError;
        var threshold = failOn switch
        {
            "error" => (DiagnosticSeverity?)DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" => DiagnosticSeverity.Info,
            _ => null,
        };
        // With a baseline, only findings it does not hold count (the baseline accepts the rest).
        var failed = threshold is { } t && results.Any(r => r.Fails(t));
        // Strict: a stale baseline (entries whose findings are gone) fails too, so it is kept current.
        var stale = strictBaseline && results.SelectMany(r => r.Diagnostics).Any(d => d.Id == InputDescriptors.BaselineFindingAbsent.Id);
        if (stale) failed = true;
        if (output != null)
            stdout.WriteLine(ReportWrittenLine(output, results, failed, failOn, stale, culture));
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// The one line after <c>--output</c>: where the report went, what it holds, and why the exit code is 1 when it
    /// is ("report written to report.html — 2 errors; exit code 1 because of --fail-on error").
    /// </summary>
    internal static string ReportWrittenLine(string output, IReadOnlyList<AnalysisResult> results, bool failed, string failOn, bool staleBaseline, CultureInfo? culture = null)
    {
        var c = SeverityCounts.Of(results.SelectMany(r => r.Diagnostics));
        if (culture != null && CliText.IsGerman(culture))
        {
            var teile = new List<string>();
            if (c.Errors > 0) teile.Add(CliText.Say(culture, "", "{0:plural:one=# Fehler|other=# Fehler}", c.Errors));
            if (c.Warnings > 0) teile.Add(CliText.Say(culture, "", "{0:plural:one=# Warnung|other=# Warnungen}", c.Warnings));
            if (c.Infos > 0) teile.Add(CliText.Say(culture, "", "{0:plural:one=# Hinweis|other=# Hinweise}", c.Infos));
            var inhalt = teile.Count == 0 ? "keine Befunde" : string.Join(", ", teile);
            var grund = !failed ? "Exit-Code 0"
                : staleBaseline ? "Exit-Code 1 wegen --strict-baseline (die Baseline ist veraltet)"
                : "Exit-Code 1 wegen --fail-on " + failOn;
            return $"Bericht nach {output} geschrieben — {inhalt}; {grund}";
        }
        var parts = new List<string>();
        if (c.Errors > 0) parts.Add(Count(c.Errors, "error"));
        if (c.Warnings > 0) parts.Add(Count(c.Warnings, "warning"));
        if (c.Infos > 0) parts.Add(c.Infos.ToString(CultureInfo.InvariantCulture) + " info");
        var held = parts.Count == 0 ? "no findings" : string.Join(", ", parts);
        var why = !failed ? "exit code 0"
            : staleBaseline ? "exit code 1 because of --strict-baseline (the baseline is stale)"
            : "exit code 1 because of --fail-on " + failOn;
        return $"report written to {output} — {held}; {why}";
    }

    private static string Count(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");

    /// <summary>The command that writes the HTML report for the same inputs (the text report's last line points at it).</summary>
    internal static string NextStepCommand(CommandLine cl, CultureInfo culture)
    {
        var inputs = cl.Positionals.ToList();
        foreach (var option in new[] { "--practices", "--mapping", "--calendar", "--config" })
            foreach (var v in option == "--calendar" ? cl.Values(option) : cl.Value(option) is { } one ? [one] : Array.Empty<string>()) { inputs.Add(option); inputs.Add(v); }
        static string Quote(string s) => s.Length > 0 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '/' or '.' or '-' or '_' or '*' or ':' or '\\') ? s : "'" + s.Replace("'", "'\\''") + "'";
        var lang = culture.TwoLetterISOLanguageName == "de" ? " --culture de" : "";
        return "vertrieb40 analyze " + string.Join(" ", inputs.Select(Quote)) + lang + " --format html --output report.html";
    }

    private static string ToText(IReportWriter writer, ReportContext context)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write(context, sw);
        return sw.ToString();
    }

    /// <summary>The writer for a <c>--format</c> value (one place to add formats).</summary>
    internal static IReportWriter CreateWriter(string format) => ReportWriters.Create(format == "pdf" ? "html" : format);

    private static int ParseParallel(string? value)
    {
        if (value is null) return Environment.ProcessorCount;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= 1024) return n;
        throw new UsageException($"--parallel takes a number of files to analyse at once, 1 to 1024 (got '{value}').", $"--parallel erwartet die Zahl der gleichzeitig analysierten Dateien, 1 bis 1024 (erhalten: „{value}“).");
    }

    private static PrivacyOptions ParsePrivacy(CommandLine cl, CliEnvironment env)
    {
        var keyFile = cl.Value("--pseudonym-key-file");
        if (!cl.Has("--pseudonymize"))
        {
            if (keyFile != null) throw new UsageException("--pseudonym-key-file is used only with --pseudonymize.", "--pseudonym-key-file gilt nur zusammen mit --pseudonymize.");
            return new PrivacyOptions { ShowNames = cl.Has("--show-names") };
        }
        string? key;
        string source, quelle;
        if (keyFile != null)
        {
            AnalysisSetup.RequireFile(keyFile, "--pseudonym-key-file", FileGuard.KeyFileLimit);
            try { key = FileGuard.ReadAllText(keyFile, FileGuard.KeyFileLimit, "a key file is at most 64 KiB"); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The message names the file and why, never its content.
                throw new UsageException($"--pseudonym-key-file: cannot read '{keyFile}': {ex.Message.TrimEnd('.')}.", $"--pseudonym-key-file: „{keyFile}“ kann nicht gelesen werden: {ex.Message.TrimEnd('.')}.");
            }
            source = $"the key file '{keyFile}'";
            quelle = $"der Schlüsseldatei „{keyFile}“";
        }
        else
        {
            key = env.GetEnvironmentVariable(PseudonymKeyVariable);
            source = "the environment variable " + PseudonymKeyVariable;
            quelle = "der Umgebungsvariablen " + PseudonymKeyVariable;
        }
        if (string.IsNullOrEmpty(key))
            throw new UsageException($"--pseudonymize needs a key: set {PseudonymKeyVariable} or pass --pseudonym-key-file PATH.", $"--pseudonymize braucht einen Schlüssel: {PseudonymKeyVariable} setzen oder --pseudonym-key-file PFAD angeben.");
        try
        {
            return new PrivacyOptions { PseudonymKey = key, ShowNames = cl.Has("--show-names") };
        }
        catch (ArgumentException)
        {
            // Never echo the key itself.
            throw new UsageException($"The pseudonymisation key from {source} is too short: use at least 16 characters (e.g. 32 random bytes, base64-encoded).", $"Der Pseudonymisierungsschlüssel aus {quelle} ist zu kurz: mindestens 16 Zeichen verwenden (z. B. 32 Zufallsbytes, base64-kodiert).");
        }
    }
}
