using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Fuzz;

/// <summary>
/// What the fuzzers drive (AFL++ through SharpFuzz, and the in-process mini-fuzz test). Three targets:
/// <see cref="Run(Stream)"/> (JSON: read a document, analyse it when it has no input errors, render both report
/// formats), <see cref="RunCsv"/> (the same for an HR export) and <see cref="RunSarif"/> (<c>sarif merge</c>'s
/// reading and merging). Any exception that escapes, and any broken invariant, is a finding.
/// </summary>
public static class FuzzTarget
{
    /// <summary>Small limits, so that the fuzzer reaches them (and their error paths) often.</summary>
    public static ReaderOptions Options { get; } = new() { MaxDepth = 32, MaxStringLength = 4096, MaxErrors = 50 };

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Runs one input. Throws when the reader, the engine or a writer misbehaves.</summary>
    public static void Run(Stream input)
    {
        var load = OrganizationReader.Read(input, "fuzz.json", Options);
        Check(load.Diagnostics != null, "the reader returned no diagnostic list");
        Check(load.HasErrors || load.Organization != null, "no input error, but no organisation either");
        Check(load.Diagnostics!.Count(d => d.Severity == DiagnosticSeverity.Error) <= Options.MaxErrors + 1, "more errors than ReaderOptions.MaxErrors");
        foreach (var d in load.Diagnostics!)
        {
            Check(d.Id.StartsWith("VT00", StringComparison.Ordinal), "the reader reported a non-input diagnostic " + d.Id);
            Check(d.GetMessage(English).Length <= 4 * Options.MaxStringLength + 2000, "a message longer than the input limits allow");
        }
        AnalyzeAndRender(load, Options);
    }

    // Analyses what a reader produced and renders both report formats; a rule failure is a finding.
    private static void AnalyzeAndRender(LoadResult load, ReaderOptions options)
    {
        var analyzer = OrganizationAnalyzer.Default;
        var result = analyzer.Analyze(load, new AnalysisOptions { Reader = options });
        Check(result.InputFailed == load.HasErrors, "InputFailed disagrees with the reader");
        // A rule that throws is reported as VT0100 and the run goes on; for the fuzzer it is a bug all the same.
        var failed = result.Diagnostics.FirstOrDefault(d => d.Id is "VT0100" or "VT0101");
        Check(failed is null, "a rule failed: " + failed?.GetMessage(English));

        var context = new ReportContext(new[] { result }, analyzer.SupportedDiagnostics, English);
        new JsonReportWriter().Write(context, TextWriter.Null);
        new TextReportWriter().Write(context, TextWriter.Null);
    }

    /// <summary>Runs one input given as bytes.</summary>
    public static void Run(byte[] input) => Run(new MemoryStream(input, writable: false));

    /// <summary>The HR export reader's options: small limits as for JSON; no practices file is looked up on disk.</summary>
    public static ReaderOptions CsvOptions { get; } = new()
    {
        MaxDepth = 32, MaxStringLength = 4096, MaxErrors = 50,
        HrExport = new HrExportOptions { FindPracticesFile = false },
    };

    /// <summary>Runs one HR export (CSV): read, analyse when readable, render. Throws when something misbehaves.</summary>
    public static void RunCsv(Stream input)
    {
        var load = HrExportReader.Read(input, "fuzz.csv", CsvOptions);
        Check(load.Diagnostics != null, "the reader returned no diagnostic list");
        Check(load.HasErrors || load.Organization != null, "no input error, but no organisation either");
        foreach (var d in load.Diagnostics!)
        {
            Check(d.Id.StartsWith("VT00", StringComparison.Ordinal) || d.Id.StartsWith("VT03", StringComparison.Ordinal), "the CSV reader reported a non-input diagnostic " + d.Id);
            Check(d.Location.FilePath == "fuzz.csv" || d.Location.FilePath is null, "a diagnostic names another file: " + d.Location.FilePath);
            _ = d.GetMessage(English);
        }
        AnalyzeAndRender(load, CsvOptions);
    }

    /// <summary>
    /// Runs one SARIF log through <c>sarif merge</c>'s reading and merging (the input merged with itself). A bad log
    /// must be an <see cref="InvalidDataException"/> that names the input (the CLI's exit code 2); anything else
    /// that escapes is a finding, and a merged log must be JSON that merges again to the same bytes.
    /// </summary>
    public static void RunSarif(Stream input)
    {
        string text;
        using (var reader = new StreamReader(input, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
            text = reader.ReadToEnd();
        var merged = new StringWriter();
        try
        {
            SarifMerge.MergeTexts(new[] { ("a.sarif", text), ("b.sarif", text) }, merged);
        }
        catch (InvalidDataException ex)
        {
            Check(ex.Message.StartsWith("a.sarif", StringComparison.Ordinal) || ex.Message.StartsWith("b.sarif", StringComparison.Ordinal),
                "a SARIF error that does not name the input: " + ex.Message);
            return;
        }
        var again = new StringWriter();
        SarifMerge.MergeTexts(new[] { ("merged.sarif", merged.ToString()) }, again);
        Check(again.ToString() == merged.ToString(), "merging a merged log again changed it");
    }

    /// <summary>Runs a saved input by its extension: <c>.csv</c>, <c>.sarif</c>, anything else as JSON.</summary>
    public static void RunFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var stream = new MemoryStream(bytes, writable: false);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) RunCsv(stream);
        else if (path.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase)) RunSarif(stream);
        else Run(stream);
    }

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new FuzzInvariantException(what);
    }
}

/// <summary>A broken invariant found by a fuzzer.</summary>
public sealed class FuzzInvariantException(string message) : Exception(message);
