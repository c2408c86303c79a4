namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// The rows of an HR export, one record at a time, with the position of each field: a CSV file
/// (<see cref="CsvRecordReader"/>: physical line, field number) or a worksheet (row number, column number).
/// </summary>
internal interface IRecordSource
{
    /// <summary>Columns whose values are needed (null: all).</summary>
    bool[]? Keep { get; set; }
    /// <summary>Columns whose repeating values may share one string per distinct value (null: none); a hint.</summary>
    bool[]? Intern { get; set; }
    /// <summary>The delimiter named in messages about ragged rows (CSV).</summary>
    char Delimiter { get; }
    /// <summary>The fields of the current record, trimmed.</summary>
    List<string> Fields { get; }
    /// <summary>The line (row) where each field of the current record starts.</summary>
    List<int> FieldLines { get; }
    /// <summary>The line (row) of the current record.</summary>
    int RecordLine { get; }
    /// <summary>Set when the current record is malformed.</summary>
    string? Error { get; }
    /// <summary>True when the problem is a size limit.</summary>
    bool ErrorIsLimit { get; }
    /// <summary>The line (row) of the problem.</summary>
    int ErrorLine { get; }
    /// <summary>The 1-based field (column) of the problem.</summary>
    int ErrorField { get; }
    /// <summary>Reads the next non-blank record; false at the end.</summary>
    bool Read();
}
