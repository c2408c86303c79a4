using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Reading.Workbook;

/// <summary>
/// HR exports as Excel workbooks (<c>.xlsx</c>): the first worksheet (or the one the mapping file names with
/// <c>"sheet"</c>) is read like a CSV export — the same header synonyms, mapping file, practices side file and
/// diagnostics — with positions as sheet and cell (<c>export.xlsx(Sheet1!D7)</c>).
/// </summary>
public static class XlsxExportReader
{
    /// <summary>True for the names of workbooks this reader handles (<c>.xlsx</c>; <c>.xlsm</c> is named only to refuse its macros).</summary>
    public static bool IsWorkbook(string path)
        => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a workbook export, its column mapping and practices side file (from <see cref="ReaderOptions.HrExport"/>).</summary>
    public static LoadResult ReadFile(string path, ReaderOptions? options = null) => HrExportReader.ReadFile(path, options, Read);

    /// <summary>Reads a workbook export from a stream (it is buffered when it cannot seek: a zip is read from its end).</summary>
    public static LoadResult Read(Stream stream, string? filePath, ReaderOptions? options = null, ColumnMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ReaderOptions.Default;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        XlsxRecordReader rows;
        try
        {
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

    private static LoadResult Refused(string? filePath, WorkbookRefusedException ex)
        => new(filePath, null, new[]
        {
            Diagnostic.Create(ex.IsLimit ? InputDescriptors.LimitExceeded : InputDescriptors.InvalidWorkbook, new Location(filePath, ex.Part ?? "", LineSpan.None),
                ex.Part is null ? ex.Message : ex.Message + " (" + ex.Part + ")"),
        });
}
