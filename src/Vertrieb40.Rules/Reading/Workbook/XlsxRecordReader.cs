using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Reading.Workbook;

/// <summary>Thrown when a workbook is refused (hostile or unreadable); the message says why, <see cref="Part"/> where.</summary>
internal sealed class WorkbookRefusedException(string reason, bool isLimit, string? part = null) : Exception(reason)
{
    public bool IsLimit { get; } = isLimit;
    public string? Part { get; } = part;
}

/// <summary>
/// The rows of one worksheet of an <c>.xlsx</c> file as HR-export records, streamed with the Open XML SDK's
/// <see cref="OpenXmlReader"/> (a sheet of a million rows is never a DOM). Positions are the row number and the
/// column number (<c>Sheet1!D7</c> is row 7, column 4). Before anything is parsed the package is checked
/// (<see cref="CheckPackage"/>): macros and external links are refused, and so are parts whose uncompressed size or
/// compression ratio says "zip bomb"; the shared strings are bounded in number and in total length.
/// </summary>
internal sealed class XlsxRecordReader : IRecordSource, IDisposable
{
    /// <summary>The most parts a workbook may have.</summary>
    internal const int MaxParts = 10_000;
    /// <summary>A part larger than this (uncompressed) is refused: 512 MiB of XML is a sheet of millions of rows already.</summary>
    internal const long MaxPartBytes = 512L * 1024 * 1024;
    /// <summary>A part that inflates more than this many times (and to more than 1 MiB) is a zip bomb.</summary>
    internal const int MaxCompressionRatio = 200;
    /// <summary>The most shared strings, and their most characters in total.</summary>
    internal const int MaxSharedStrings = 4_000_000;
    internal const long MaxSharedStringChars = 256L * 1024 * 1024;

    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _shared = new();
    private readonly int _maxFieldLength;
    private readonly int _maxFields;
    private bool _done;
    private int _pendingRow;

    public XlsxRecordReader(Stream stream, string? sheetName, int maxFieldLength, int maxFields)
    {
        _maxFieldLength = maxFieldLength;
        _maxFields = maxFields;
        CheckPackage(stream);
        stream.Position = 0;
        try
        {
            _document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxPartBytes });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FileFormatException)
        {
            throw new WorkbookRefusedException("it is not an Excel workbook (.xlsx): " + ex.Message.TrimEnd('.'), false);
        }
        var workbook = _document.WorkbookPart ?? throw new WorkbookRefusedException("the workbook has no workbook part", false);
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? new List<Sheet>();
        if (sheets.Count == 0) throw new WorkbookRefusedException("the workbook has no worksheet", false);
        var sheet = sheetName is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase))
            ?? throw new WorkbookRefusedException($"the workbook has no sheet '{sheetName}' (sheets: {string.Join(", ", sheets.Select(s => "'" + s.Name?.Value + "'"))})", false);
        SheetName = sheet.Name?.Value ?? "Sheet1";
        if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            throw new WorkbookRefusedException($"the sheet '{SheetName}' is not a worksheet (a chart sheet?)", false);
        if (workbook.SharedStringTablePart is { } strings) ReadSharedStrings(strings);
        _reader = OpenXmlReader.Create(part);
    }

    /// <summary>The sheet read.</summary>
    public string SheetName { get; }

    public bool[]? Keep { get; set; }
    // Text cells of a workbook are mostly shared strings already (one string per distinct value).
    public bool[]? Intern { get; set; }
    public char Delimiter => ',';
    public List<string> Fields { get; } = new(16);
    public List<int> FieldLines { get; } = new(16);
    public int RecordLine { get; private set; }
    public string? Error { get; private set; }
    public bool ErrorIsLimit { get; private set; }
    public int ErrorLine { get; private set; }
    public int ErrorField { get; private set; }

    /// <summary>The names of the worksheets, in order (after the package checks).</summary>
    internal static List<string> SheetNames(Stream stream)
    {
        CheckPackage(stream);
        stream.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxPartBytes });
            return document.WorkbookPart?.Workbook?.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? "").ToList() ?? new List<string>();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FileFormatException)
        {
            throw new WorkbookRefusedException("it is not an Excel workbook (.xlsx): " + ex.Message.TrimEnd('.'), false);
        }
    }

    /// <summary>Checks the package before it is parsed: hostile parts are refused with the part named.</summary>
    internal static void CheckPackage(Stream stream)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException ex) { throw new WorkbookRefusedException("it is not an Excel workbook (.xlsx is a zip package): " + ex.Message.TrimEnd('.'), false); }
        using (zip)
        {
            if (zip.Entries.Count > MaxParts) throw new WorkbookRefusedException($"the package has more than {MaxParts:N0} parts", true);
            foreach (var e in zip.Entries)
            {
                var name = e.FullName;
                if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                    throw new WorkbookRefusedException("the workbook contains macros; save it as .xlsx without macros (Excel: File › Save As › Excel Workbook)", false, name);
                if (name.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase))
                    throw new WorkbookRefusedException("the workbook links to other files (external links); paste the values instead (Excel: Data › Edit Links › Break Link)", false, name);
                if (e.Length > MaxPartBytes)
                    throw new WorkbookRefusedException($"the part is {e.Length:N0} bytes uncompressed; the limit is {MaxPartBytes:N0}", true, name);
                if (e.Length > 1024 * 1024 && e.Length > (long)MaxCompressionRatio * Math.Max(1, e.CompressedLength))
                    throw new WorkbookRefusedException($"the part inflates {e.Length / Math.Max(1, e.CompressedLength):N0} times (a zip bomb?); the limit is {MaxCompressionRatio} times", true, name);
            }
        }
    }

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        long total = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            // Rich text: the runs' texts; phonetic guides (rPh) are not part of the value.
            var text = item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
            if (text.Length > _maxFieldLength)
                throw new WorkbookRefusedException($"shared string {_shared.Count + 1:N0} is {text.Length:N0} characters long; the limit is {_maxFieldLength:N0} (ReaderOptions.MaxStringLength)", true, part.Uri.ToString());
            total += text.Length;
            if (_shared.Count >= MaxSharedStrings || total > MaxSharedStringChars)
                throw new WorkbookRefusedException($"the shared strings exceed {MaxSharedStrings:N0} strings or {MaxSharedStringChars:N0} characters (a shared-string bomb?)", true, part.Uri.ToString());
            _shared.Add(text);
        }
    }

    public bool Read()
    {
        while (true)
        {
            if (!ReadRow()) return false;
            if (Fields.Any(f => f.Length > 0) || Error != null) return true;
        }
    }

    // Reads one <row>: cells by their reference (a missing cell is an empty field), values as the sheet shows them.
    private bool ReadRow()
    {
        Fields.Clear();
        FieldLines.Clear();
        Error = null;
        ErrorIsLimit = false;
        if (_done) return false;
        var row = _pendingRow;
        _pendingRow = 0;
        var nextColumn = 1;
        while (_reader.Read())
        {
            if (_reader.ElementType == typeof(Row) && _reader.IsStartElement)
            {
                var r = RowIndex();
                if (row != 0)
                {
                    _pendingRow = r == 0 ? row + 1 : r;
                    return Finish(row);
                }
                row = r == 0 ? RecordLine + 1 : r;
                nextColumn = 1;
            }
            else if (_reader.ElementType == typeof(Cell) && _reader.IsStartElement && row != 0)
            {
                var cell = (Cell)_reader.LoadCurrentElement()!;
                var column = ColumnOf(cell.CellReference?.Value) ?? nextColumn;
                nextColumn = column + 1;
                if (column > _maxFields)
                {
                    SetError(row, column, $"the row has a value in column {Diagnostics.Location.ColumnName(column)}, beyond {_maxFields:N0} columns", true);
                    continue;
                }
                while (Fields.Count < column) { Fields.Add(""); FieldLines.Add(row); }
                if (Keep is { } keep && (column - 1 >= keep.Length || !keep[column - 1])) continue;
                var value = Value(cell, row, column);
                Fields[column - 1] = value;
            }
            else if (_reader.ElementType == typeof(SheetData) && _reader.IsEndElement)
            {
                _done = true;
                return row != 0 && Finish(row);
            }
        }
        _done = true;
        return row != 0 && Finish(row);
    }

    // Excel leaves empty cells out: a row ends at its last value. Rows are as wide as the header (the first row read);
    // empty cells beyond it are dropped, values beyond it stay (the importer reports them).
    private bool Finish(int row)
    {
        RecordLine = row;
        if (_width < 0) { if (Fields.Any(f => f.Length > 0)) _width = Fields.Count; }
        else
        {
            while (Fields.Count < _width) { Fields.Add(""); FieldLines.Add(row); }
            while (Fields.Count > _width && Fields[^1].Length == 0) { Fields.RemoveAt(Fields.Count - 1); FieldLines.RemoveAt(FieldLines.Count - 1); }
        }
        return true;
    }

    private int _width = -1;

    private int RowIndex()
    {
        foreach (var a in _reader.Attributes)
            if (a.LocalName == "r" && int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var r)) return r;
        return 0;
    }

    private void SetError(int row, int column, string message, bool limit)
    {
        if (Error != null) return;
        Error = message;
        ErrorIsLimit = limit;
        ErrorLine = row;
        ErrorField = column;
    }

    private string Value(Cell cell, int row, int column)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        string text;
        if (type == CellValues.SharedString)
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= _shared.Count)
            {
                SetError(row, column, $"the cell refers to shared string {raw}, which the workbook does not have", false);
                return "";
            }
            text = _shared[i];
        }
        else if (type == CellValues.InlineString) text = cell.InlineString?.InnerText ?? "";
        else if (type == CellValues.Boolean) text = raw == "1" ? "TRUE" : "FALSE";
        else if (type == CellValues.Error) text = ""; // #N/A and friends are no value
        else if (type == CellValues.String || raw is null) text = raw ?? "";
        else
            // A number: an employee id 1001 is stored as 1001 (or 1.001E3); write whole numbers without a decimal point.
            text = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Floor(d) == d && Math.Abs(d) < 1e15
                ? ((long)d).ToString(CultureInfo.InvariantCulture) : raw;
        if (text.Length > _maxFieldLength)
        {
            SetError(row, column, $"the cell holds {text.Length:N0} characters; the limit is {_maxFieldLength:N0} (ReaderOptions.MaxStringLength)", true);
            return "";
        }
        return text.Trim();
    }

    /// <summary>The column number of a cell reference ("D7" → 4), or null.</summary>
    internal static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            if (column > 1_000_000) return null;
        }
        return column == 0 ? null : column;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _document?.Dispose();
    }
}
