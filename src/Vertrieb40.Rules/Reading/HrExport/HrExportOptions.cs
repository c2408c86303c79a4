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

    /// <summary>Whether <c>&lt;export&gt;.practices.json</c> is picked up automatically (default true).</summary>
    public bool FindPracticesFile { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static HrExportOptions Default { get; } = new();

    /// <summary>The side file that belongs to an export: <c>export.csv</c> → <c>export.practices.json</c>.</summary>
    public static string SiblingPracticesFile(string exportPath)
        => Path.Combine(Path.GetDirectoryName(exportPath) ?? "", Path.GetFileNameWithoutExtension(exportPath) + ".practices.json");
}
