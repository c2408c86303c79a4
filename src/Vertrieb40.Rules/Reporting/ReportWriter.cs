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
}

/// <summary>Writes a report in one format.</summary>
public interface IReportWriter
{
    /// <summary>The format name used by <c>--format</c>.</summary>
    string Format { get; }
    /// <summary>Writes the report.</summary>
    void Write(ReportContext context, TextWriter output);
}

/// <summary>Counts per severity, for summaries.</summary>
public readonly record struct SeverityCounts(int Errors, int Warnings, int Infos, int Hidden, int Suppressed)
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
