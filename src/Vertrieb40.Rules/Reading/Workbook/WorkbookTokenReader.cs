using System.Globalization;
using Newtonsoft.Json;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading.Json;

namespace Vertrieb40.Rules.Reading.Workbook;

/// <summary>
/// A practice workbook (see <see cref="WorkbookTemplate"/>) as the token stream of its JSON twin: each collection
/// sheet is an array, each row an object, each filled cell a property at that cell's row and column. The JSON reader
/// then checks it like any document (unknown values, missing ids, references), so a workbook has the same checks.
/// </summary>
internal sealed class WorkbookTokenReader : JsonReader, IJsonLineInfo, ITokenSource
{
    private static readonly char[] ListSeparators = [';', ',', '\n'];

    private readonly List<(JsonToken Token, object? Value, int Row, int Column)> _tokens = new();
    private int _next;
    private (int Row, int Column) _at = (1, 1);

    /// <summary>
    /// Builds the tokens: <paramref name="sheets"/> holds, per collection sheet, its header and rows (row number, cells).
    /// The rows of a list sheet (approval thresholds, steps) go into the list property of the parent row their first
    /// column names, in sheet order, each at its own cell; a row naming no parent row is reported in <paramref name="orphans"/>.
    /// </summary>
    public WorkbookTokenReader(IEnumerable<(WorkbookSheet Sheet, string[] Header, int HeaderRow, List<(int Row, List<string> Cells)> Rows)> sheets,
        Func<WorkbookSheet, string> sheetName, List<(string Sheet, int Row, int Column, string Header)> problems,
        List<(string Sheet, int Row, int Column, string ParentId)>? orphans = null)
    {
        var all = sheets.ToList();
        // List sheets first: their rows by the parent's id (a row with an empty key cell is an orphan too).
        var items = new Dictionary<(string Parent, string Id), List<(WorkbookSheet Sheet, WorkbookColumn?[] Columns, int Row, List<string> Cells)>>();
        var itemsUsed = new HashSet<(string, string)>();
        var listSheets = new List<(WorkbookSheet Sheet, WorkbookColumn?[] Columns, int KeyColumn, List<(int Row, List<string> Cells)> Rows)>();
        foreach (var (sheet, header, headerRow, rows) in all.Where(x => x.Sheet.IsList))
        {
            var columns = Columns(sheet, header, headerRow, sheetName, problems);
            var key = Array.FindIndex(columns, c => c?.Path == WorkbookLayout.ParentKey);
            listSheets.Add((sheet, columns, key, rows));
            foreach (var (row, cells) in rows)
            {
                var id = key >= 0 && key < cells.Count ? cells[key].Trim() : "";
                var k = (sheet.ParentCollection! + "/" + sheet.ListProperty, id);
                if (!items.TryGetValue(k, out var list)) items[k] = list = new();
                list.Add((sheet, columns, row, cells));
            }
        }

        Add(JsonToken.StartObject, null, 1, 1);
        Add(JsonToken.PropertyName, "schemaVersion", 1, 1);
        Add(JsonToken.String, "1.1", 1, 1);
        foreach (var (sheet, header, headerRow, rows) in all.Where(x => !x.Sheet.IsList))
        {
            // An empty sheet says nothing (unknown), not "there are none": it is left out, as an omitted collection.
            if (rows.Count == 0) continue;
            var columns = Columns(sheet, header, headerRow, sheetName, problems);
            var idColumn = Array.FindIndex(columns, c => c?.Path == "id");
            Add(JsonToken.PropertyName, sheet.Collection, headerRow, 1);
            Add(JsonToken.StartArray, null, headerRow, 1);
            foreach (var (row, cells) in rows)
            {
                Add(JsonToken.StartObject, null, row, 1);
                var last = AddCells(columns, row, cells);
                var id = idColumn >= 0 && idColumn < cells.Count ? cells[idColumn].Trim() : "";
                foreach (var list in listSheets.Where(l => l.Sheet.ParentCollection == sheet.Collection))
                {
                    var k = (list.Sheet.Collection, id);
                    if (id.Length == 0 || !items.TryGetValue(k, out var members) || !itemsUsed.Add(k)) continue;
                    Add(JsonToken.PropertyName, list.Sheet.ListProperty!, members[0].Row, 1);
                    Add(JsonToken.StartArray, null, members[0].Row, 1);
                    foreach (var (_, itemColumns, itemRow, itemCells) in members)
                    {
                        Add(JsonToken.StartObject, null, itemRow, 1);
                        var itemLast = AddCells(itemColumns, itemRow, itemCells);
                        Add(JsonToken.EndObject, null, itemRow, itemLast);
                    }
                    Add(JsonToken.EndArray, null, members[^1].Row, 1);
                }
                Add(JsonToken.EndObject, null, row, last);
            }
            Add(JsonToken.EndArray, null, headerRow, 1);
        }
        Add(JsonToken.EndObject, null, 1, 1);
        if (orphans is null) return;
        foreach (var (sheet, _, key, rows) in listSheets)
            foreach (var (row, cells) in rows)
            {
                var id = key >= 0 && key < cells.Count ? cells[key].Trim() : "";
                if (!itemsUsed.Contains((sheet.Collection, id))) orphans.Add((sheetName(sheet), row, key + 1, id));
            }
    }

    private static WorkbookColumn?[] Columns(WorkbookSheet sheet, string[] header, int headerRow, Func<WorkbookSheet, string> sheetName,
        List<(string Sheet, int Row, int Column, string Header)> problems)
    {
        var columns = header.Select(h => h.Length == 0 ? null : WorkbookLayout.ForHeader(sheet, h)).ToArray();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            // Two headers for one property (an HR paste with Department and Team): the first is read, the other reported.
            if (columns[c] is { } column && !used.Add(column.Path)) columns[c] = null;
            if (header[c].Length > 0 && columns[c] is null)
                problems.Add((sheetName(sheet), headerRow, c + 1, header[c]));
        }
        return columns;
    }

    // The filled cells of one row as properties; returns the last column written. The key column of a list sheet is no property.
    private int AddCells(WorkbookColumn?[] columns, int row, List<string> cells)
    {
        // Nested objects (attendees.unitIds, autonomy.how): their columns are grouped under one property.
        var groups = new List<(string? Outer, List<(WorkbookColumn Column, int Index)> Cells)>();
        for (var c = 0; c < cells.Count && c < columns.Length; c++)
        {
            if (columns[c] is not { } column || cells[c].Length == 0 || column.Path == WorkbookLayout.ParentKey) continue;
            var dot = column.Path.IndexOf('.');
            var outer = dot < 0 ? null : column.Path[..dot];
            var group = outer is null ? default : groups.FirstOrDefault(g => g.Outer == outer);
            if (group.Cells is null) groups.Add(group = (outer, new List<(WorkbookColumn, int)>()));
            group.Cells.Add((column, c));
        }
        var last = 1;
        foreach (var (outer, members) in groups)
        {
            if (outer != null)
            {
                Add(JsonToken.PropertyName, outer, row, members[0].Index + 1);
                Add(JsonToken.StartObject, null, row, members[0].Index + 1);
            }
            foreach (var (column, index) in members)
            {
                var col = index + 1;
                last = Math.Max(last, col);
                Add(JsonToken.PropertyName, outer is null ? column.Path : column.Path[(outer.Length + 1)..], row, col);
                AddValue(column, cells[index], row, col);
            }
            if (outer != null) Add(JsonToken.EndObject, null, row, members[^1].Index + 1);
        }
        return last;
    }

    private void AddValue(WorkbookColumn column, string text, int row, int col)
    {
        switch (column.Kind)
        {
            case ColumnKind.Boolean when WorkbookLayout.Boolean(text) is { } b: Add(JsonToken.Boolean, b, row, col); break;
            case ColumnKind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                                     || double.TryParse(text, NumberStyles.Float, CultureInfo.GetCultureInfo("de"), out d):
                Add(JsonToken.Float, d, row, col);
                break;
            case ColumnKind.List:
                Add(JsonToken.StartArray, null, row, col);
                foreach (var item in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    Add(JsonToken.String, item, row, col);
                Add(JsonToken.EndArray, null, row, col);
                break;
            default:
                // Text, or a value of the wrong kind: the JSON reader says what was expected, at this cell.
                Add(JsonToken.String, text, row, col);
                break;
        }
    }

    private void Add(JsonToken token, object? value, int row, int column) => _tokens.Add((token, value, row, column));

    public override bool Read()
    {
        if (_next >= _tokens.Count) { SetToken(JsonToken.None); return false; }
        var (token, value, row, column) = _tokens[_next++];
        _at = (row, column);
        SetToken(token, value);
        return true;
    }

    public bool HasLineInfo() => true;
    public int LineNumber => _at.Row;
    public int LinePosition => _at.Column;
    JsonReader ITokenSource.Reader => this;
    IJsonLineInfo ITokenSource.LineInfo => this;
    public SourcePosition TokenStart => new(_at.Row, _at.Column);
    public string? PlainText => null;
}
