using System.Text;
using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>analyze &lt;file&gt; --what-if fixes.json</c>: today's findings and score next to the projection after the
/// selected fixes (applied in memory; the input is never written). The exit code is analyze's: --fail-on judges
/// today's findings, because the document is unchanged.
/// </summary>
internal static class WhatIfRun
{
    public static int Run(CommandLine cl, string fixesPath, string format, string failOn, TextWriter stdout, TextWriter stderr)
    {
        if (cl.Positionals.Count != 1 || Directory.Exists(cl.Positionals[0]))
            throw new UsageException("--what-if takes exactly one document: vertrieb40 analyze org.json --what-if fixes.json", "--what-if erwartet genau ein Dokument: vertrieb40 analyze org.json --what-if fixes.json");
        if (format is not ("text" or "json" or "html"))
            throw new UsageException($"--what-if writes text, json or html (got --format {format}).", $"--what-if schreibt text, json oder html (erhalten: --format {format}).");
        foreach (var unsupported in new[] { "--baseline", "--output-dir", "--shard", "--pseudonymize" })
            if (cl.Value(unsupported) != null || cl.Has(unsupported)) throw new UsageException($"--what-if cannot be combined with {unsupported}.", $"--what-if lässt sich nicht mit {unsupported} verbinden.");
        var input = cl.Positionals[0];
        var lang = Program.ParseCulture(cl.Value("--culture"));
        AnalysisSetup.RequireFile(fixesPath, "--what-if", FixesFile.MaxFileBytes);
        var fixes = FixesFile.Read(fixesPath, out var errors);
        if (fixes is null)
        {
            foreach (var e in errors) stdout.WriteLine(TerminalText.Escape(e.ToString()));
            stderr.WriteLine(CliText.Say(lang, "vertrieb40: the fixes file cannot be used; nothing projected.", "vertrieb40: die Korrekturdatei ist nicht verwendbar; nichts hochgerechnet."));
            return ExitCodes.InputError;
        }
        var setup = ComparisonSetup.Create(cl, new[] { input, fixesPath }, format);
        var (culture, analyzer, options) = (setup.Culture, setup.Analyzer, setup.Options);
        string text;
        try
        {
            var load = OrganizationReader.ReadFile(input, options.Reader);
            if (load.HasErrors)
            {
                foreach (var d in load.Diagnostics) stdout.WriteLine(d.ToString(culture));
                stderr.WriteLine(CliText.Say(culture, "vertrieb40: nothing projected: fix the input errors first.", "vertrieb40: nichts hochgerechnet: zuerst die Eingabefehler beheben."));
                return ExitCodes.InputError;
            }
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(input));
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            stdout.WriteLine(Diagnostic.Create(InputDescriptors.FileUnreadable, new Location(input, "", LineSpan.None), ex.Message.TrimEnd('.')).ToString(culture));
            return ExitCodes.InputError;
        }
        var result = WhatIf.Project(text, input, fixes, analyzer, options, setup.Context, out var inputDiagnostics);
        if (result is null)
        {
            foreach (var d in inputDiagnostics) stdout.WriteLine(d.ToString(culture));
            return ExitCodes.InputError;
        }
        var report = WhatIf.ReportOptions(result, setup.Report);
        ComparisonSetup.Write(setup, w => DiffReport.Write(result.Diff, format, w, report), stdout);
        var threshold = ComparisonSetup.Threshold(failOn);
        var failed = threshold is { } t && result.Today.Active.Any(d => d.Severity >= t && d.Severity != DiagnosticSeverity.Hidden);
        if (setup.Output != null) stdout.WriteLine(TerminalText.Escape(CliText.Say(culture, $"what-if written to {setup.Output} — {result.Applied.Count} fixes projected; the input is unchanged; exit code {(failed ? "1 because of --fail-on " + failOn : "0")}",
            "Was-wäre-wenn nach {0} geschrieben — {1:plural:one=# Korrektur|other=# Korrekturen} hochgerechnet; die Eingabe bleibt unverändert; Exit-Code {2}", setup.Output, result.Applied.Count, failed ? "1 wegen --fail-on " + failOn : "0")));
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }
}
