using System.Globalization;

namespace Vertrieb40.Rules.Comparison;

/// <summary>
/// A located problem with a comparison input (a saved result that cannot be used, a fixes file that is not valid):
/// file, line and column (1-based, 0 when unknown) and the JSON Pointer of the offending value.
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Pointer">JSON Pointer of the value ("" for the whole file).</param>
/// <param name="Message">What is wrong and what to do.</param>
internal sealed record ComparisonError(string File, int Line, int Column, string Pointer, string Message)
{
    /// <summary>Compiler style: <c>file(line,column): error: message (at /pointer)</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})") : File;
        return where + ": error: " + Message + (Pointer.Length > 0 ? " (at " + Pointer + ")" : "");
    }
}
