using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Reading.Workbook;

/// <summary>
/// HR exports as Excel workbooks (<c>.xlsx</c>): the first worksheet (or the one the mapping file names with
/// <c>"sheet"</c>) is read like a CSV export — the same header synonyms, mapping file, practices side file and
/// diagnostics — with positions as sheet and cell (<c>export.xlsx(Sheet1!D7)</c>).
/// </summary>
internal static class XlsxExportReader
{
    /// <summary>True for the names of workbooks this reader handles (<c>.xlsx</c>; <c>.xlsm</c> is named only to refuse its macros).</summary>
    public static bool IsWorkbook(string path)
        => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a workbook export, its column mapping and practices side file (from <see cref="ReaderOptions.HrExport"/>).</summary>
    public static LoadResult ReadFile(string path, ReaderOptions? options = null) => HrExportReader.ReadFile(path, options, Read);

    /// <summary>Reads a workbook export from a stream (it is buffered when it cannot seek: a zip is read from its end).</summary>
    public static LoadResult Read(Stream stream, string? filePath, ReaderOptions? options = null, ColumnMapping? mapping = null)
    {
        stream = SeekableStream.Of(stream);
        options ??= ReaderOptions.Default;
        XlsxRecordReader rows;
        try
        {
            // A practice workbook (sheets named like the collections: Meetings, Units, …) is an organisation document.
            var names = XlsxRecordReader.SheetNames(stream);
            if (mapping is null && names.Any(n => WorkbookLayout.ForSheetName(n) != null))
                return ReadPracticeWorkbook(stream, filePath, options, names);
            stream.Position = 0;
            rows = new XlsxRecordReader(stream, mapping?.Sheet, options.MaxStringLength, 4096);
        }
        catch (WorkbookRefusedException ex)
        {
            return Refused(filePath, ex);
        }
        using (rows)
        {
            try
            {
                return HrExportReader.Read(rows, filePath, options, mapping, rows.SheetName);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Xml.XmlException or InvalidDataException or IOException)
            {
                // A part longer than OpenSettings.MaxCharactersInPart, or XML that breaks off: located at the sheet.
                return Refused(filePath, new WorkbookRefusedException("the sheet '" + rows.SheetName + "' cannot be read: " + ex.Message.TrimEnd('.'), ex.Message.Contains("MaxCharacters", StringComparison.OrdinalIgnoreCase)));
            }
        }
    }

    // Each collection sheet is read as rows (header first), then handed to the JSON reader as its twin's tokens.
    private static LoadResult ReadPracticeWorkbook(Stream stream, string? filePath, ReaderOptions options, List<string> names)
    {
        var sheets = new List<(WorkbookSheet, string[], int, List<(int, List<string>)>)>();
        var sheetOfCollection = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (WorkbookLayout.ForSheetName(name) is not { } layout || sheetOfCollection.ContainsKey(layout.Collection)) continue;
            stream.Position = 0;
            using var rows = new XlsxRecordReader(stream, name, options.MaxStringLength, 4096);
            if (!rows.Read()) continue;
            var header = rows.Fields.ToArray();
            var headerRow = rows.RecordLine;
            var data = new List<(int, List<string>)>();
            while (rows.Read())
            {
                if (rows.Error != null)
                    return Refused(filePath, new WorkbookRefusedException($"{name}!{Diagnostics.Location.ColumnName(rows.ErrorField)}{rows.ErrorLine}: {rows.Error}", rows.ErrorIsLimit));
                data.Add((rows.RecordLine, rows.Fields.ToList()));
            }
            sheetOfCollection[layout.Collection] = name;
            sheets.Add((layout, header, headerRow, data));
        }
        var problems = new List<(string Sheet, int Row, int Column, string Message)>();
        var orphans = new List<(string Sheet, int Row, int Column, string ParentId)>();
        var tokens = new WorkbookTokenReader(sheets, layout => sheetOfCollection[layout.Collection], problems, orphans);
        string? SheetOf(string pointer)
        {
            // /approvalPolicies/0/thresholds/1/above is a cell of the thresholds' sheet, /approvalPolicies/0/subject of the policies'.
            var parts = pointer.Split('/', 5);
            if (parts.Length > 3 && sheetOfCollection.TryGetValue(parts[1] + "/" + parts[3], out var listSheet)) return listSheet;
            return parts.Length > 1 && sheetOfCollection.TryGetValue(parts[1], out var sheet) ? sheet : null;
        }
        var load = OrganizationReader.Read(errors =>
        {
            foreach (var (sheet, row, column, message) in problems)
                errors.Add(InputDescriptors.UnknownProperty, new Location(filePath, "", new LineSpan(row, column, row, column)) { Sheet = sheet }, message, new Json.InputPhrase("the sheet '" + sheet + "'", "dem Blatt „" + sheet + "“"));
            // A threshold or step whose policy id names no row of the policies' sheet would be lost silently.
            foreach (var (sheet, row, column, parentId) in orphans)
                errors.Add(InputDescriptors.UnresolvedReference, new Location(filePath, "", new LineSpan(row, Math.Max(1, column), row, Math.Max(1, column))) { Sheet = sheet },
                    WorkbookLayout.ParentKey, "approval policy", parentId, " (the row is left out; name the policy's id as in its sheet)");
            return new Json.JsonOrganizationParser(tokens, filePath, options, errors);
        }, filePath, options, SheetOf);
        if (load.Organization != null) load.Organization.Sheets = sheetOfCollection;
        return load;
    }

    private static LoadResult Refused(string? filePath, WorkbookRefusedException ex)
        => new(filePath, null, new[]
        {
            Diagnostic.Create(ex.IsLimit ? InputDescriptors.LimitExceeded : InputDescriptors.InvalidWorkbook, new Location(filePath, ex.Part ?? "", LineSpan.None),
                ex.Part is null ? ex.Message : ex.Message + " (" + ex.Part + ")"),
        });
}
