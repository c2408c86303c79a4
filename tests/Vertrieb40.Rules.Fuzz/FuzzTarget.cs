using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Fuzz;

/// <summary>
/// What the fuzzers drive (AFL++ through SharpFuzz, and the in-process mini-fuzz test): read a document,
/// analyse it when it has no input errors, and render both report formats. Any exception that escapes, and
/// any broken invariant, is a finding.
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

        var analyzer = OrganizationAnalyzer.Default;
        var result = analyzer.Analyze(load, new AnalysisOptions { Culture = English, Reader = Options });
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

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new FuzzInvariantException(what);
    }
}

/// <summary>A broken invariant found by a fuzzer.</summary>
public sealed class FuzzInvariantException(string message) : Exception(message);
