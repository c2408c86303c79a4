namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>Settings for reading HR exports (CSV).</summary>
public sealed class HrExportOptions
{
    /// <summary>A column mapping file (JSON, see <see cref="ColumnMapping"/>); synonyms only when null.</summary>
    public string? MappingFile { get; init; }

    /// <summary>
    /// A JSON organisation document with the practices HR systems do not export (plans, targets, meetings, …),
    /// merged with every export read. When null, <c>&lt;export&gt;.practices.json</c> next to the export is used
    /// if it exists (and <see cref="FindPracticesFile"/> is true).
    /// </summary>
    public string? PracticesFile { get; init; }

    /// <summary>
    /// Calendar exports (<c>.ics</c>, RFC 5545) whose recurring meetings are added to every export read: cadence from
    /// the recurrence rule, chair from the organiser, attendees matched to people by the export's e-mail column or by
    /// name, purpose from the title (or the column mapping's <c>"meetings"</c>). Only files named here are read (a
    /// calendar holds private appointments: it is read when asked for, never found by convention).
    /// </summary>
    public IReadOnlyList<string> CalendarFiles { get; init; } = Array.Empty<string>();

    /// <summary>Whether <c>&lt;export&gt;.practices.json</c> is picked up automatically (default true).</summary>
    public bool FindPracticesFile { get; init; } = true;

    /// <summary>
    /// When more rows than this share one problem (unknown manager, ambiguous manager name, several tops, repeated
    /// employee id), they are reported as one diagnostic with the count and the first rows; every row is still an
    /// additional location (listed in JSON and SARIF). Default 10; at least 1.
    /// </summary>
    public int SummaryThreshold { get; init; } = 10;

    /// <summary>The defaults.</summary>
    public static HrExportOptions Default { get; } = new();

    /// <summary>The side file that belongs to an export: <c>export.csv</c> → <c>export.practices.json</c>.</summary>
    public static string SiblingPracticesFile(string exportPath)
        => Path.Combine(Path.GetDirectoryName(exportPath) ?? "", Path.GetFileNameWithoutExtension(exportPath) + ".practices.json");
}
