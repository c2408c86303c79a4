using System.Globalization;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reporting;

/// <summary>Compiler-style text: one line per diagnostic (<c>file(line,col): warning VT1009: …</c>), then a summary.</summary>
public sealed class TextReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "text";

    /// <summary>Whether hidden diagnostics are written (default false).</summary>
    public bool IncludeHidden { get; init; }

    /// <inheritdoc />
    public void Write(ReportContext context, TextWriter output)
    {
        var culture = context.Culture;
        var german = culture.TwoLetterISOLanguageName == "de";
        var all = new List<Diagnostic>();
        foreach (var result in context.Results)
            foreach (var d in result.Diagnostics)
            {
                all.Add(d);
                if (d.IsSuppressed || (d.Severity == DiagnosticSeverity.Hidden && !IncludeHidden)) continue;
                output.WriteLine(d.ToString(culture));
            }

        var c = SeverityCounts.Of(all);
        var files = context.Results.Count;
        output.WriteLine(german
            ? string.Create(culture, $"{files} {(files == 1 ? "Datei" : "Dateien")} geprüft: {c.Errors} Fehler, {c.Warnings} Warnungen, {c.Infos} Hinweise, {c.Suppressed} unterdrückt.")
            : string.Create(culture, $"{files} {(files == 1 ? "file" : "files")} analysed: {c.Errors} {(c.Errors == 1 ? "error" : "errors")}, {c.Warnings} {(c.Warnings == 1 ? "warning" : "warnings")}, {c.Infos} info, {c.Suppressed} suppressed."));
    }
}
