using Vertrieb40.Rules.Text;
using Vertrieb40.Rules.IO;
using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>vertrieb40 fix &lt;file&gt; [--rule ID] [--dry-run] [--output PATH] [--in-place]</c>: applies every
/// available fix. Without --output or --in-place it shows a unified diff and writes nothing; the input is
/// only replaced with --in-place, and then atomically.
/// </summary>
internal static class FixCommand
{
    private static readonly HashSet<string> ValueOptions = new(new[] { "--rule", "--output", "--culture", "--config", "--suppressions", "--rule-option", "--rule-time-budget" });
    private static readonly HashSet<string> Flags = new() { "--dry-run", "--in-place" };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, TextWriter, TextWriter)"/>; <paramref name="whileFixing"/> runs between reading and writing (tests use it to edit the file meanwhile).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Action? whileFixing)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            stdout.Write(HelpText.Main);
            return ExitCodes.Success;
        }
        var cl = CommandLine.Parse(args, ValueOptions, Flags);
        if (cl.Positionals.Count != 1) throw new UsageException("fix takes exactly one document.", "fix erwartet genau ein Dokument.");
        var input = cl.Positionals[0];
        var output = cl.Value("--output");
        var inPlace = cl.Has("--in-place");
        var dryRun = cl.Has("--dry-run");
        if (inPlace && output != null) throw new UsageException("Use either --in-place or --output, not both.", "Entweder --in-place oder --output, nicht beides.");
        if (output != null)
        {
            OutputGuard.CheckPath(output, "--output");
            if (IO.FileGuard.SameFile(output, input)) throw new UsageException("--output names the input document; use --in-place to replace it.", "--output nennt das Eingabedokument; --in-place ersetzt es.");
            new OutputGuard().ProtectInputs(new[] { input }).ProtectSideFiles(cl).Check(output, "--output");
        }

        var fixable = OrganizationFixer.BuiltInProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rules = cl.Values("--rule").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var r in rules)
            if (!fixable.Contains(r))
                throw new UsageException($"There is no fix for '{r}'. Fixable: {string.Join(", ", fixable.OrderBy(x => x, StringComparer.Ordinal))}.", $"Für „{r}“ gibt es keine Korrektur. Korrigierbar: {string.Join(", ", fixable.OrderBy(x => x, StringComparer.Ordinal))}.");

        var culture = Program.ParseCulture(cl.Value("--culture"));
        if (OrganizationReader.IsExport(input))
            throw new UsageException(OrganizationFixer.FixesExportMessage + ".",
                "fix bearbeitet JSON- und YAML-Organisationsdokumente; ein HR-Export (.csv, .tsv, .xlsx, .xlsm) wird an seiner Quelle korrigiert.");
        var de = culture.TwoLetterISOLanguageName == "de";
        var options = AnalysisSetup.Options(cl, culture);
        // The library reads the file once (the reader's checks first: existence, size limit, strict UTF-8, the
        // document itself — a fix is only offered for a document that reads without errors) and keeps what it needs
        // to write it back as it was (byte-order mark) and to tell an edit made meanwhile.
        var result = OrganizationFixer.FixFile(input, null, options, rules);
        if (result.InputFailed)
        {
            foreach (var d in result.InputDiagnostics) stdout.WriteLine(d.ToString(culture));
            stderr.WriteLine(de ? "vertrieb40: nichts korrigiert: zuerst die Eingabefehler beheben." : "vertrieb40: nothing fixed: fix the input errors first.");
            return ExitCodes.InputError;
        }
        void ReportApplied()
        {
            foreach (var f in result.Applied)
                stderr.WriteLine(TerminalText.Escape(de
                    ? $"{f.Diagnostic.Location}: {f.Diagnostic.Id} korrigiert: {f.GermanTitle ?? f.Title}"
                    : $"{f.Diagnostic.Location}: fixed {f.Diagnostic.Id}: {f.Title}"));
        }
        if (!result.Changed)
        {
            ReportApplied();
            stderr.WriteLine(de ? "Keine korrigierbaren Befunde." : "No fixable findings.");
            return ExitCodes.Success;
        }

        if (dryRun || (output is null && !inPlace))
        {
            ReportApplied();
            stdout.Write(UnifiedDiff.Create(result.OriginalText, result.FixedText, "a/" + Path.GetFileName(input), "b/" + Path.GetFileName(input)));
            stderr.WriteLine(de
                ? $"{result.Applied.Count} {(result.Applied.Count == 1 ? "Korrektur" : "Korrekturen")} gezeigt; nichts geschrieben (--output PFAD oder --in-place schreibt)."
                : $"{result.Applied.Count} fix{(result.Applied.Count == 1 ? "" : "es")} shown; nothing written (use --output PATH or --in-place).");
            if (dryRun) WriteProjection(result.OriginalText, input, rules, options, culture, stderr);
            return ExitCodes.Success;
        }
        var target = inPlace ? input : output!;
        whileFixing?.Invoke();
        try
        {
            // In place: an edit made while fix ran must not be overwritten (the library compares the file with what
            // it read just before the rename); a link is followed (its target is fixed, the link stays), the mode is kept.
            if (inPlace) result.ReplaceInput();
            else result.WriteTo(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, so no "fixed" lines: they would claim what did not happen.
            stderr.WriteLine(de
                ? $"vertrieb40: nichts nach „{TerminalText.Escape(target)}“ geschrieben: {(ex.Message == SourceFile.ChangedMeanwhile ? "die Datei hat sich während fix geändert; fix erneut auf dem neuen Inhalt ausführen" : TerminalText.Escape(ex.Message.TrimEnd('.')))}."
                : $"vertrieb40: nothing written to '{TerminalText.Escape(target)}': {TerminalText.Escape(ex.Message.TrimEnd('.'))}.");
            return ExitCodes.InputError;
        }
        ReportApplied();
        stderr.WriteLine(de
            ? $"{result.Applied.Count} {(result.Applied.Count == 1 ? "Korrektur" : "Korrekturen")} nach {target} geschrieben."
            : $"{result.Applied.Count} fix{(result.Applied.Count == 1 ? "" : "es")} written to {target}.");
        return ExitCodes.Success;
    }

    // What-if (issue 16): today's score next to the projection after these fixes, on standard error so that standard
    // output stays a patch. Applied in memory, like the diff above.
    private static void WriteProjection(string text, string input, IReadOnlyList<string> rules, AnalysisOptions options, System.Globalization.CultureInfo culture, TextWriter stderr)
    {
        var context = new ReportContext(Array.Empty<AnalysisResult>(), OrganizationAnalyzer.Default.SupportedDiagnostics, culture);
        var projection = Comparison.WhatIf.Project(text, input, Comparison.FixesFile.ForRules(rules), OrganizationAnalyzer.Default, options, context, out _);
        if (projection is null) return;
        stderr.WriteLine();
        Comparison.DiffReport.WriteSummary(projection.Diff, stderr, Comparison.WhatIf.ReportOptions(projection, new Comparison.ComparisonReportOptions { Culture = culture }));
    }
}
