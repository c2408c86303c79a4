using System.Buffers;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// A streaming RFC 4180 tokenizer (plus what Excel writes): <c>,</c> <c>;</c> or tab as delimiter, quoted
/// fields with delimiters, doubled quotes and line breaks, CRLF/LF/CR line ends. It keeps, for every
/// record and field, the physical line an editor shows, so diagnostics can point at row and column.
/// Only one record is held at a time: exports of a million rows stream through.
/// </summary>
internal sealed class CsvRecordReader : IRecordSource
{
    private readonly TextReader _text;
    private readonly char[] _buffer = new char[1 << 16];
    // The current field's characters (a plain array, not a StringBuilder: the kept value is looked up as a span).
    private char[] _field = new char[256];
    private int _fieldLength;
    // Repeating values (departments, titles, manager ids) become one string each, not one per row (see Intern).
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _poolBySpan;
#endif
    private const int MaxPooled = 1 << 18;
    // The last pooled value of each column: exports sorted by department repeat it row after row, and comparing
    // with it is cheaper than hashing the value for the pool.
    private string[] _lastPooled = Array.Empty<string>();
    private int _pos;
    private int _len;
    private int _line = 1;
    private bool _eof;
    private readonly SearchValues<char> _plainStops;
    // Limits: a 1 GiB field or a line of a billion delimiters must end as a located error, not OutOfMemory.
    private readonly int _maxFieldLength;
    private readonly int _maxFields;
    private bool _fieldTooLong;
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    public CsvRecordReader(TextReader text, char? delimiter, int maxFieldLength = int.MaxValue, int maxFields = int.MaxValue)
    {
        _text = text;
        _maxFieldLength = maxFieldLength;
        _maxFields = maxFields;
#if NET9_0_OR_GREATER
        _poolBySpan = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        Fill();
        // How long lines are at the start: with the input's length, how many rows to expect (collections pre-sized).
        var lines = _buffer.AsSpan(0, _len).Count('\n');
        if (lines >= 2) CharsPerLine = (double)_len / lines;
        Delimiter = delimiter ?? DetectDelimiter();
        _plainStops = SearchValues.Create(new[] { Delimiter, '\n', '\r', '"' });
    }

    /// <summary>
    /// Columns whose values are needed (null: all). Other values are parsed but not turned into strings:
    /// exports carry many columns the model does not use, and a million rows of them is a lot of garbage.
    /// </summary>
    public bool[]? Keep { get; set; }

    /// <summary>
    /// Columns whose values repeat from row to row (null: none): each distinct value becomes one string, shared by
    /// every row that has it, instead of a new string per row.
    /// </summary>
    public bool[]? Intern { get; set; }

    /// <summary>The average line length of the first block read (null when it holds fewer than two lines): a size hint.</summary>
    public double? CharsPerLine { get; }

    /// <summary>The delimiter in use (given, or detected from the header line).</summary>
    public char Delimiter { get; }

    /// <summary>The fields of the current record, trimmed.</summary>
    public List<string> Fields { get; } = new(16);

    /// <summary>The physical line where each field of the current record starts.</summary>
    public List<int> FieldLines { get; } = new(16);

    /// <summary>The physical line where the current record starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Set when the current record is malformed (then <see cref="ErrorLine"/> and <see cref="ErrorField"/> say where).</summary>
    public string? Error { get; private set; }

    /// <summary>True when the problem of the current record is a size limit (a field or row too large).</summary>
    public bool ErrorIsLimit { get; private set; }

    /// <summary>The line of the problem in the current record.</summary>
    public int ErrorLine { get; private set; }

    /// <summary>The 1-based field of the problem in the current record.</summary>
    public int ErrorField { get; private set; }

    /// <summary>Reads the next non-blank record; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            if (!ReadRecord(out var blank)) return false;
            if (!blank) return true;
        }
    }

    private bool ReadRecord(out bool blank)
    {
        Fields.Clear();
        FieldLines.Clear();
        Error = null;
        ErrorIsLimit = false;
        blank = false;
        if (!EnsureData()) return false;
        RecordLine = _line;
        var sawQuote = false;
        var sawContent = false;
        while (true)
        {
            // One field.
            _fieldLength = 0;
            _fieldTooLong = false;
            var fieldLine = _line;
            var endOfRecord = false;
            while (true)
            {
                if (!EnsureData()) { endOfRecord = true; break; }
                var c = _buffer[_pos];
                if (c == '"' && !_fieldTooLong && IsBlank(Field))
                {
                    _pos++;
                    sawQuote = true;
                    _fieldLength = 0;
                    fieldLine = _line;
                    if (!ReadQuoted()) { endOfRecord = true; break; }
                    // After the closing quote only blanks may follow before the delimiter or line end.
                    while (EnsureData() && _buffer[_pos] is ' ' or '\t' && _buffer[_pos] != Delimiter) _pos++;
                    if (!EnsureData()) { endOfRecord = true; break; }
                    c = _buffer[_pos];
                    if (c == Delimiter) { _pos++; break; }
                    if (c is '\n' or '\r') { EndLine(); endOfRecord = true; break; }
                    SetError($"unexpected character '{c}' after the closing quote (a quote inside a quoted field must be doubled: \"\")", _line, Fields.Count + 1);
                    // Skip to the end of the field so the rest of the record still lines up.
                    while (EnsureData() && _buffer[_pos] != Delimiter && _buffer[_pos] is not ('\n' or '\r')) _pos++;
                    continue;
                }
                if (c == Delimiter) { _pos++; break; }
                if (c is '\n' or '\r') { EndLine(); endOfRecord = true; break; }
                // Copy the run of ordinary characters up to the next delimiter, line end or quote at once.
                var rest = _buffer.AsSpan(_pos + 1, _len - _pos - 1);
                var stop = rest.IndexOfAny(_plainStops);
                var run = 1 + (stop < 0 ? rest.Length : stop);
                Append(_pos, run);
                _pos += run;
            }
            if (!sawContent && !IsBlank(Field)) sawContent = true;
            if (_fieldTooLong)
                SetError(limit: true, $"field {Fields.Count + 1} is longer than {_maxFieldLength:N0} characters (ReaderOptions.MaxStringLength); it was skipped", fieldLine, Fields.Count + 1);
            if (Fields.Count >= _maxFields)
            {
                // Further fields are parsed (so the next record lines up) but not kept.
                SetError(limit: true, $"the row has more than {_maxFields:N0} fields; the rest were skipped", fieldLine, _maxFields + 1);
                if (endOfRecord) break;
                continue;
            }
            var column = Fields.Count;
            var keep = Keep is null || (column < Keep.Length && Keep[column]);
            Fields.Add(!keep ? "" : Value(Field.Trim(" \t"), column, Intern != null && column < Intern.Length && Intern[column]));
            FieldLines.Add(fieldLine);
            if (endOfRecord) break;
        }
        blank = Fields.Count == 1 && !sawContent && !sawQuote;
        return true;
    }

    // Reads a quoted field's content up to its closing quote; false when the input ends inside the quotes.
    private bool ReadQuoted()
    {
        var startLine = _line;
        while (true)
        {
            if (!EnsureData())
            {
                SetError($"a quoted field that starts on line {startLine} is never closed (a '\"' is missing)", startLine, Fields.Count + 1);
                return false;
            }
            var chunk = _buffer.AsSpan(_pos, _len - _pos);
            var stop = chunk.IndexOfAny(QuotedStops);
            if (stop < 0) { Append(_pos, chunk.Length); _pos = _len; continue; }
            if (stop > 0) { Append(_pos, stop); _pos += stop; }
            var c = _buffer[_pos++];
            if (c == '"')
            {
                if (EnsureData() && _buffer[_pos] == '"') { AppendChar('"'); _pos++; continue; }
                return true;
            }
            if (c == '\r')
            {
                if (EnsureData() && _buffer[_pos] == '\n') _pos++;
                AppendChar('\n');
                _line++;
                continue;
            }
            if (c == '\n') _line++;
            AppendChar(c);
        }
    }

    private ReadOnlySpan<char> Field => _field.AsSpan(0, _fieldLength);

    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t");

    private string Value(ReadOnlySpan<char> value, int column, bool intern)
    {
        if (value.IsEmpty) return "";
        if (!intern) return new string(value);
        if (column >= _lastPooled.Length) Array.Resize(ref _lastPooled, Math.Max(column + 1, Intern!.Length));
        if (_lastPooled[column] is { } last && value.SequenceEqual(last)) return last;
        return _lastPooled[column] = Pooled(value);
    }

    private string Pooled(ReadOnlySpan<char> value)
    {
#if NET9_0_OR_GREATER
        if (_poolBySpan.TryGetValue(value, out var pooled)) return pooled;
        var s = new string(value);
#else
        var s = new string(value);
        if (_pool.TryGetValue(s, out var pooled)) return pooled;
#endif
        if (_pool.Count < MaxPooled) _pool[s] = s; // bounded: a hostile export of distinct values costs no more than without the pool
        return s;
    }

    private void Append(int start, int count)
    {
        if (_fieldTooLong) return;
        if (_fieldLength + count > _maxFieldLength) { _fieldTooLong = true; _fieldLength = 0; return; }
        if (_fieldLength + count > _field.Length) Array.Resize(ref _field, (int)Math.Min(Math.Max(_field.Length * 2L, _fieldLength + (long)count), int.MaxValue));
        Array.Copy(_buffer, start, _field, _fieldLength, count);
        _fieldLength += count;
    }

    private void AppendChar(char c)
    {
        if (_fieldTooLong) return;
        if (_fieldLength + 1 > _maxFieldLength) { _fieldTooLong = true; _fieldLength = 0; return; }
        if (_fieldLength == _field.Length) Array.Resize(ref _field, _field.Length * 2);
        _field[_fieldLength++] = c;
    }

    private void EndLine()
    {
        if (_buffer[_pos] == '\r')
        {
            _pos++;
            if (EnsureData() && _buffer[_pos] == '\n') _pos++;
        }
        else _pos++;
        _line++;
    }

    private void SetError(string message, int line, int field) => SetError(false, message, line, field);

    private void SetError(bool limit, string message, int line, int field)
    {
        if (Error != null) return; // the first problem of a record is the one to fix
        Error = message;
        ErrorIsLimit = limit;
        ErrorLine = line;
        ErrorField = field;
    }

    private bool EnsureData()
    {
        if (_pos < _len) return true;
        if (_eof) return false;
        Fill();
        return _pos < _len;
    }

    private void Fill()
    {
        _pos = 0;
        _len = _text.Read(_buffer, 0, _buffer.Length);
        if (_len <= 0) { _len = 0; _eof = true; }
    }

    // The delimiter that occurs most often outside quotes in the header line (German Excel writes ';').
    private char DetectDelimiter()
    {
        int comma = 0, semicolon = 0, tab = 0;
        var inQuotes = false;
        for (var i = 0; i < _len; i++)
        {
            var c = _buffer[i];
            if (c == '"') inQuotes = !inQuotes;
            else if (inQuotes) continue;
            else if (c is '\n' or '\r') break;
            else if (c == ',') comma++;
            else if (c == ';') semicolon++;
            else if (c == '\t') tab++;
        }
        if (tab > comma && tab > semicolon) return '\t';
        return semicolon > comma ? ';' : ',';
    }

    private static bool IsBlank(ReadOnlySpan<char> field) => !field.ContainsAnyExcept(Blanks);
}
