using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Tests.Import;

public class CsvPropertyTests
{
    private static string Quote(string v, char delimiter)
        => v.IndexOfAny(new[] { delimiter, '"', '\n', '\r' }) >= 0 || v != v.Trim(' ', '\t') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;

    // Any table of values written the way Excel writes CSV reads back field by field (values trimmed,
    // as the reader trims), with either delimiter and either line end.
    [Property(MaxTest = 200)]
    public bool Written_tables_read_back(NonEmptyArray<NonEmptyArray<string>> table, bool semicolon, bool crlf)
    {
        var delimiter = semicolon ? ';' : ',';
        var width = table.Get[0].Get.Length;
        var rows = table.Get.Select(r => Enumerable.Range(0, width).Select(i => i < r.Get.Length ? Clean(r.Get[i]) : "x").ToArray()).ToArray();
        // A row of one empty value is a blank line, which the reader skips: give it content.
        foreach (var r in rows) if (width == 1 && r[0].Trim(' ', '\t').Length == 0) r[0] = "v";
        var text = string.Join(crlf ? "\r\n" : "\n", rows.Select(r => string.Join(delimiter, r.Select(v => Quote(v, delimiter))))) + (crlf ? "\r\n" : "\n");
        var reader = new CsvRecordReader(new StringReader(text), delimiter);
        foreach (var expected in rows)
        {
            if (!reader.Read() || reader.Error != null) return false;
            if (!reader.Fields.SequenceEqual(expected.Select(v => v.Trim(' ', '\t').Replace("\r\n", "\n").Replace('\r', '\n')))) return false;
        }
        return !reader.Read();
    }

    private static string Clean(string? s) => (s ?? "").Replace("\0", "");
}
