using System.IO.Compression;
using System.Security;
using System.Text;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading.Workbook;

/// <summary>HR exports as .xlsx: the CSV importer's header synonyms, mapping and diagnostics, positions as sheet and cell; hostile packages refused.</summary>
public class XlsxExportTests
{
    /// <summary>
    /// Writes a minimal workbook as Excel saves one: shared strings for text, numbers as numbers (an employee id 1001
    /// is the number 1001), cells with their reference, empty cells left out.
    /// </summary>
    internal static byte[] Xlsx(string sheet, IEnumerable<string[]> rows, IDictionary<string, byte[]>? extra = null, bool inlineStrings = false)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>();
        var data = new StringBuilder();
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            data.Append($"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var v = row[c];
                if (v.Length == 0) continue;
                var reference = Diagnostics.Location.ColumnName(c + 1) + r;
                if (v.All(char.IsAsciiDigit) && v[0] != '0') data.Append($"<c r=\"{reference}\"><v>{v}</v></c>");
                else if (inlineStrings) data.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(v)}</t></is></c>");
                else
                {
                    if (!index.TryGetValue(v, out var i)) { index[v] = i = strings.Count; strings.Add(v); }
                    data.Append($"<c r=\"{reference}\" t=\"s\"><v>{i}</v></c>");
                }
            }
            data.Append("</row>");
        }
        var parts = new Dictionary<string, byte[]>
        {
            ["[Content_Types].xml"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"bin\" ContentType=\"application/octet-stream\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"),
            ["_rels/.rels"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ["xl/workbook.xml"] = Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{SecurityElement.Escape(sheet)}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ["xl/_rels/workbook.xml.rels"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
            ["xl/worksheets/sheet1.xml"] = Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>"),
            ["xl/sharedStrings.xml"] = Utf8($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">{string.Concat(strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>"),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, byte[]>()) parts[k] = v;
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in parts)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly string[][] Export =
    {
        new[] { "Personalnummer", "Name", "Abteilung", "Stelle", "Vorgesetzter" },
        new[] { "1001", "Katrin Albers", "Geschäftsführung", "Geschäftsführerin", "" },
        new[] { "1002", "Jens Brandt", "Vertrieb", "Vertriebsleiter", "1001" },
        new[] { "1003", "Sabine Cordes", "Vertrieb", "Account Manager", "1002" },
        new[] { "1004", "Tim Ernst", "Vertrieb", "Account Manager", "4711" },
    };

    private static LoadResult Read(byte[] xlsx, string name = "export.xlsx", ReaderOptions? options = null)
    {
        var dir = Directory.CreateTempSubdirectory("v40-xlsx");
        try
        {
            var path = Path.Combine(dir.FullName, name);
            File.WriteAllBytes(path, xlsx);
            return OrganizationReader.ReadFile(path, options);
        }
        finally { dir.Delete(true); }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_xlsx_export_reads_like_its_csv_with_sheet_and_cell_positions(bool inlineStrings)
    {
        var load = Read(Xlsx("Mitarbeiter", Export, inlineStrings: inlineStrings));
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        Assert.Equal(4, load.Organization!.People.Count);
        Assert.Equal("1001", load.Organization.People[0].Id); // the number 1001, as text
        // The unknown manager 4711 is at row 5, column E: shown as the sheet's cell.
        var unknown = Assert.Single(load.Diagnostics, d => d.Id == "VT0302");
        Assert.Equal((5, 5), (unknown.Location.Span.StartLine, unknown.Location.Span.StartColumn));
        Assert.Equal("Mitarbeiter", unknown.Location.Sheet);
        Assert.EndsWith("export.xlsx(Mitarbeiter!E5)", unknown.Location.ToString());
        Assert.Contains("export.xlsx(Mitarbeiter!E5): warning VT0302", unknown.ToString());
    }

    [Fact]
    public void The_seed_workbook_has_the_same_findings_as_the_csv_export()
    {
        static List<string> Findings(string file)
        {
            var path = Path.Combine(SeedPaths.Seeds, file);
            var options = new AnalysisOptions { Reader = new ReaderOptions { HrExport = new HrExportOptions { PracticesFile = HrExportOptions.SiblingPracticesFile(path), FindPracticesFile = false } } };
            var result = OrganizationAnalyzer.Default.AnalyzeFile(path, options);
            Assert.False(result.InputFailed, string.Join("\n", result.Diagnostics));
            return result.Diagnostics.Select(d => $"{d.Id} {d.Location.JsonPointer} ({d.Location.Span.StartLine},{d.Location.Span.StartColumn}) {d.GetMessage(TestOrg.English)}".Replace(file, "FILE", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        }
        Assert.Equal(Findings("hr-export.csv"), Findings("hr-export.xlsx"));
    }

    [Fact]
    public void Sarif_json_and_html_carry_the_sheet_and_cell()
    {
        var path = Path.Combine(SeedPaths.Seeds, "hr-export.xlsx");
        var result = Reporting.SarifTests.Analyze(path);
        var vt0302 = result.Diagnostics.First(d => d.Id == "VT0302");
        Assert.Equal("Mitarbeiter", vt0302.Location.Sheet);
        var sarif = Newtonsoft.Json.Linq.JObject.Parse(Reporting.SarifTests.Sarif(new[] { result }));
        Reporting.SarifTests.AssertValid(sarif.ToString());
        var location = sarif["runs"]![0]!["results"]!.First(r => (string?)r["ruleId"] == "VT0302")["locations"]![0]!;
        Assert.Equal(vt0302.Location.Span.StartLine, (int)location["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal(vt0302.Location.Span.StartColumn, (int)location["physicalLocation"]!["region"]!["startColumn"]!);
        Assert.Contains(location["logicalLocations"]!, l => (string?)l["name"] == "Mitarbeiter" && (string?)l["kind"] == "worksheet");
        var json = new StringWriter();
        new Vertrieb40.Rules.Reporting.JsonReportWriter().Write(new Vertrieb40.Rules.Reporting.ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), json);
        Assert.Contains("\"sheet\": \"Mitarbeiter\"", json.ToString());
        var html = new StringWriter();
        new Vertrieb40.Rules.Reporting.HtmlReportWriter().Write(new Vertrieb40.Rules.Reporting.ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), html);
        Assert.Contains($"hr-export.xlsx Mitarbeiter!{Diagnostics.Location.ColumnName(vt0302.Location.Span.StartColumn)}{vt0302.Location.Span.StartLine}", html.ToString());
    }

    [Fact]
    public void The_mapping_file_names_the_sheet_and_its_columns()
    {
        var dir = Directory.CreateTempSubdirectory("v40-xlsx");
        try
        {
            var rows = new[] { new[] { "Pers-Nr", "Mitarbeiter", "OE", "Funktion", "Chef" } }.Concat(Export.Skip(1));
            var path = Path.Combine(dir.FullName, "export.xlsx");
            File.WriteAllBytes(path, Xlsx("Export", rows));
            var mapping = Path.Combine(dir.FullName, "mapping.json");
            File.WriteAllText(mapping, "{ \"sheet\": \"export\", \"columns\": { \"employeeId\": \"Pers-Nr\", \"name\": \"Mitarbeiter\", \"department\": \"OE\", \"jobTitle\": \"Funktion\", \"managerId\": \"Chef\" } }");
            var options = new ReaderOptions { HrExport = new HrExportOptions { MappingFile = mapping } };
            var load = OrganizationReader.ReadFile(path, options);
            Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
            Assert.Equal(4, load.Organization!.People.Count);
            File.WriteAllText(mapping, "{ \"sheet\": \"Personal\" }");
            var missing = Assert.Single(OrganizationReader.ReadFile(path, options).Diagnostics);
            Assert.Equal("VT0013", missing.Id);
            Assert.Contains("no sheet 'Personal' (sheets: 'Export')", missing.GetMessage(TestOrg.English));
        }
        finally { dir.Delete(true); }
    }

    public static TheoryData<string, string, string> HostileParts => new()
    {
        { "xl/vbaProject.bin", "VT0013", "macros" },
        { "xl/externalLinks/externalLink1.xml", "VT0013", "external links" },
        { "xl/worksheets/sheet2.xml", "VT0010", "zip bomb" },
    };

    [Theory]
    [MemberData(nameof(HostileParts))]
    public void Macros_external_links_and_zip_bombs_are_refused_with_the_part_named(string part, string id, string says)
    {
        // A zip bomb: 64 MiB of one character compresses to a few dozen KiB (a ratio of about a thousand).
        var content = part.EndsWith("sheet2.xml", StringComparison.Ordinal) ? new byte[64 * 1024 * 1024] : Utf8("<x/>");
        var load = Read(Xlsx("Sheet1", Export, new Dictionary<string, byte[]> { [part] = content }));
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Contains(says, d.GetMessage(TestOrg.English));
        Assert.Contains(part, d.GetMessage(TestOrg.English));
        Assert.Null(load.Organization);
    }

    [Fact]
    public void A_shared_string_over_the_length_limit_and_a_dangling_shared_string_are_located()
    {
        var rows = Export.Select(r => r.ToArray()).ToArray();
        rows[2][1] = new string('x', 5_000);
        var d = Assert.Single(Read(Xlsx("Sheet1", rows), options: new ReaderOptions { MaxStringLength = 1_000 }).Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.Contains("sharedStrings.xml", d.GetMessage(TestOrg.English));
        // A cell that refers to a shared string the workbook does not have: an error at that cell.
        var xlsx = Xlsx("Sheet1", Export, new Dictionary<string, byte[]>
        {
            ["xl/worksheets/sheet1.xml"] = Utf8("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>999</v></c></row></sheetData></worksheet>"),
        });
        var dangling = Read(xlsx).Diagnostics.First(x => x.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.EndsWith("export.xlsx(Sheet1!B2)", dangling.Location.ToString());
        Assert.Contains("shared string 999", dangling.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Text_that_is_not_a_workbook_is_a_located_error_not_an_exception()
    {
        var d = Assert.Single(Read(Utf8("Personalnummer;Name\n1;A\n")).Diagnostics);
        Assert.Equal("VT0013", d.Id);
        Assert.Contains("not an Excel workbook", d.GetMessage(TestOrg.English));
    }
}
