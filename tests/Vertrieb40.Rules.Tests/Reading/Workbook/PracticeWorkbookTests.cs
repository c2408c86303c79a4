using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reading.Workbook;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading.Workbook;

/// <summary>The practice workbook: the template (valid Open XML, drop-downs, EN/DE), reading it back with cell positions, its seed twin.</summary>
public class PracticeWorkbookTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    internal static byte[] Workbook(CultureInfo culture, JObject? document = null)
    {
        var ms = new MemoryStream();
        WorkbookTemplate.Write(ms, culture, document);
        return ms.ToArray();
    }

    // The JSON document with only what the workbook has columns for (approval thresholds and steps have sheets of
    // their own; exceptions, which nest, are JSON/YAML only).
    internal static JObject WorkbookPart(JObject document)
    {
        var result = new JObject { ["schemaVersion"] = "1.1" };
        static JObject Copy(JObject item, WorkbookSheet sheet)
        {
            var copy = new JObject();
            foreach (var column in sheet.Columns)
                if (column.Path != WorkbookLayout.ParentKey && item.SelectToken(column.Path) is { Type: not JTokenType.Null } value && !(value is JArray { Count: 0 }))
                {
                    var parts = column.Path.Split('.');
                    var target = copy;
                    foreach (var p in parts[..^1]) target = (JObject)(target[p] ??= new JObject());
                    target[parts[^1]] = value.DeepClone();
                }
            return copy;
        }
        foreach (var sheet in WorkbookLayout.Sheets)
        {
            if (sheet.IsList)
            {
                if (document[sheet.ParentCollection!] is not JArray parents || result[sheet.ParentCollection!] is not JArray copies) continue;
                for (var i = 0; i < parents.Count; i++)
                    if (parents[i][sheet.ListProperty!] is JArray { Count: > 0 } list)
                        copies[i][sheet.ListProperty!] = new JArray(list.OfType<JObject>().Select(item => Copy(item, sheet)));
                continue;
            }
            if (document[sheet.Collection] is not JArray items || items.Count == 0) continue;
            result[sheet.Collection] = new JArray(items.OfType<JObject>().Select(item => Copy(item, sheet)));
        }
        return result;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void The_template_is_valid_open_xml_with_instructions_a_sheet_per_collection_and_drop_downs(string language)
    {
        var bytes = Workbook(CultureInfo.GetCultureInfo(language));
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(language == "de" ? "Anleitung" : "Instructions", names[0]);
        Assert.Equal(WorkbookLayout.Sheets.Select(s => s.Name(language == "de")), names.Skip(1));
        // Meetings: a drop-down for purpose and cadence, with the schema's values.
        var meetings = doc.WorkbookPart.WorksheetParts.ElementAt(names.IndexOf("Meetings")).Worksheet;
        var lists = meetings.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
        Assert.Contains(lists, f => f.Contains("pipelineReview", StringComparison.Ordinal) && f.Contains("statusReporting", StringComparison.Ordinal));
        Assert.Contains(lists, f => f.Contains("weekly", StringComparison.Ordinal));
        var headers = meetings.Descendants<Row>().First().Descendants<InlineString>().Select(s => s.InnerText).ToList();
        Assert.Contains(language == "de" ? "Zweck (purpose)" : "purpose", headers);
        Assert.Contains(language == "de" ? "Einheiten (attendees.unitIds)" : "attendees.unitIds", headers);
        // Every enum column of every sheet has its drop-down.
        foreach (var sheet in WorkbookLayout.Sheets)
        {
            var ws = doc.WorkbookPart.WorksheetParts.ElementAt(names.IndexOf(sheet.Name(language == "de"))).Worksheet;
            Assert.Equal(sheet.Columns.Count(c => (c.Choices != null || c.Kind == ColumnKind.Boolean) && c.Kind != ColumnKind.List), ws.Descendants<DataValidation>().Count());
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void A_workbook_twin_has_the_same_findings_as_its_json_with_sheet_and_cell_positions(string language)
    {
        var json = WorkbookPart(JObject.Parse(File.ReadAllText(SeedPaths.Classic)));
        var dir = Directory.CreateTempSubdirectory("v40-wb");
        try
        {
            var jsonPath = Path.Combine(dir.FullName, "org.json");
            File.WriteAllText(jsonPath, json.ToString());
            var xlsxPath = Path.Combine(dir.FullName, "org.xlsx");
            File.WriteAllBytes(xlsxPath, Workbook(CultureInfo.GetCultureInfo(language), json));
            var options = new AnalysisOptions();
            var expected = OrganizationAnalyzer.Default.AnalyzeFile(jsonPath, options);
            var actual = OrganizationAnalyzer.Default.AnalyzeFile(xlsxPath, options);
            Assert.False(actual.InputFailed, string.Join("\n", actual.Diagnostics));
            static List<string> Show(AnalysisResult r) => r.Diagnostics.Select(d => $"{d.Id} {d.Location.JsonPointer} {d.GetMessage(TestOrg.English)}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Show(expected), Show(actual));
            Assert.True(actual.Diagnostics.Count > 30);
            // VT3001 points at the plan's type cell: row 2 of the incentive plans' sheet, the "type" column.
            var vt3001 = actual.Diagnostics.First(d => d.Id == "VT3001");
            var sheet = WorkbookLayout.Sheets.Single(s => s.Collection == "incentivePlans");
            Assert.Equal(sheet.Name(language == "de"), vt3001.Location.Sheet);
            Assert.Equal(2, vt3001.Location.Span.StartLine);
            Assert.Equal(sheet.Columns.ToList().FindIndex(c => c.Path == "type") + 1, vt3001.Location.Span.StartColumn);
            Assert.Contains($"org.xlsx({sheet.Name(language == "de")}!", vt3001.ToString());
            // Approval thresholds and steps come from sheets of their own, and findings about them point there.
            var thresholds = WorkbookLayout.Sheets.Single(s => s.Collection == "approvalPolicies/thresholds");
            var atThresholds = actual.Diagnostics.Where(d => d.Location.Sheet == thresholds.Name(language == "de")).ToList();
            Assert.NotEmpty(atThresholds);
            Assert.All(atThresholds, d => Assert.StartsWith("/approvalPolicies/", d.Location.JsonPointer));
            Assert.Contains(json["approvalPolicies"]!, p => p["steps"] is JArray { Count: > 0 });
        }
        finally { dir.Delete(true); }
    }

    /// <summary>
    /// seeds/practices-workbook.xlsx: the classic organisation as a consultant would fill the German template (what the
    /// workbook has columns for). Its findings equal those of the same content as JSON. VERTRIEB40_UPDATE_EXPECTED=1 rewrites it.
    /// </summary>
    [Fact]
    public void The_seed_workbook_is_the_classic_organisation_filled_into_the_german_template()
    {
        var json = WorkbookPart(JObject.Parse(File.ReadAllText(SeedPaths.Classic)));
        var seed = Path.Combine(SeedPaths.Seeds, "practices-workbook.xlsx");
        if (Environment.GetEnvironmentVariable("VERTRIEB40_UPDATE_EXPECTED") == "1") File.WriteAllBytes(seed, Workbook(German, json));
        var dir = Directory.CreateTempSubdirectory("v40-wb");
        try
        {
            var jsonPath = Path.Combine(dir.FullName, "practices-workbook.json");
            File.WriteAllText(jsonPath, json.ToString());
            var options = new AnalysisOptions();
            static List<string> Show(AnalysisResult r) => r.Diagnostics.Select(d => $"{d.Id} {d.Location.JsonPointer} {d.GetMessage(TestOrg.English)}").Order(StringComparer.Ordinal).ToList();
            var actual = OrganizationAnalyzer.Default.AnalyzeFile(seed, options);
            Assert.Equal(Show(OrganizationAnalyzer.Default.AnalyzeFile(jsonPath, options)), Show(actual));
            Assert.All(actual.Diagnostics.Where(d => d.Location.FilePath == seed && d.Location.Span.IsKnown), d => Assert.NotNull(d.Location.Sheet));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_wrong_value_or_an_unknown_column_is_reported_at_its_cell()
    {
        var json = JObject.Parse("{ \"meetings\": [ { \"id\": \"m1\", \"purpose\": \"pipeline review\", \"cadence\": \"weekly\" } ] }");
        var bytes = Workbook(TestOrg.English, json);
        var load = Read(bytes);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0008");
        Assert.EndsWith("wb.xlsx(Meetings!E2)", d.Location.ToString()); // id, name, description, notes, purpose
        Assert.Equal("/meetings/0/purpose", d.Location.JsonPointer);
        Assert.Contains("pipelineReview", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_threshold_row_naming_no_policy_is_reported_at_its_cell_and_a_bad_amount_at_its_own()
    {
        var json = JObject.Parse("""
            { "approvalPolicies": [ { "id": "p-rabatt", "subject": "discount",
                "thresholds": [ { "above": 5, "approver": "head of sales" }, { "above": "viel", "approver": "CEO" } ],
                "steps": [ { "approver": "head of sales", "higherRank": true } ] } ] }
            """);
        var template = Workbook(TestOrg.English, json);
        // The thresholds' sheet gets a third row for a policy id that does not exist.
        var ms = new MemoryStream();
        ms.Write(template);
        ms.Position = 0;
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets.Single(x => x.Name == "ApprovalThresholds").Id!);
            part.Worksheet.Descendants<SheetData>().Single().Append(new Row(
                new Cell { CellReference = "A4", DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("p-tippfehler")) },
                new Cell { CellReference = "B4", CellValue = new CellValue("100"), DataType = CellValues.Number })
            { RowIndex = 4 });
            part.Worksheet.Save();
        }
        template = ms.ToArray();
        var load = Read(template);
        var orphan = Assert.Single(load.Diagnostics, d => d.Id == "VT0005");
        Assert.EndsWith("wb.xlsx(ApprovalThresholds!A4)", orphan.Location.ToString());
        Assert.Contains("p-tippfehler", orphan.GetMessage(TestOrg.English));
        var amount = Assert.Single(load.Diagnostics, d => d.Id == "VT0002" || d.Id == "VT0008");
        Assert.Equal("/approvalPolicies/0/thresholds/1/above", amount.Location.JsonPointer);
        Assert.EndsWith("wb.xlsx(ApprovalThresholds!B3)", amount.Location.ToString());
    }

    [Theory]
    [InlineData("Personalnummer", "Name", "Vorgesetzter")]
    [InlineData("Employee ID", "Full Name", "Manager ID")]
    [InlineData("EmpID", "Employee Name", "Reports To")]
    public void The_people_sheet_takes_an_hr_export_pasted_with_its_headers(string id, string name, string manager)
    {
        var bytes = XlsxExportTests.Xlsx("People", new[]
        {
            new[] { id, name, manager, "Standort" },
            new[] { "1001", "Anna Albers", "", "Hamburg" },
            new[] { "1002", "Bernd Brandt", "1001", "Hamburg" },
        });
        var load = Read(bytes);
        var people = load.Organization!.People;
        Assert.Equal(new[] { "1001", "1002" }, people.Select(p => p.Id));
        Assert.Equal("1001", people[1].ManagerId);
        Assert.Equal("Bernd Brandt", people[1].Name);
        // A column the model has no property for stays a reported, ignored column, at its cell.
        var unknown = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0007", unknown.Id);
        Assert.EndsWith("wb.xlsx(People!D1)", unknown.Location.ToString());
        // The sheet is named in the message's language (it read "in the sheet 'People'" inside German text).
        Assert.Equal("Unknown property 'Standort' in the sheet 'People'; it is ignored (check the spelling against the schema)", unknown.GetMessage(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Unbekannte Eigenschaft „Standort“ in dem Blatt „People“; sie wird ignoriert (Schreibweise mit dem Schema vergleichen)", unknown.GetMessage(German));
    }

    private static LoadResult Read(byte[] bytes)
    {
        var dir = Directory.CreateTempSubdirectory("v40-wb");
        try
        {
            var path = Path.Combine(dir.FullName, "wb.xlsx");
            File.WriteAllBytes(path, bytes);
            return OrganizationReader.ReadFile(path);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void An_empty_template_states_nothing_so_every_rule_could_not_check()
    {
        var load = Read(Workbook(German));
        Assert.Empty(load.Diagnostics);
        Assert.Empty(load.Organization!.DescribedCollections);
    }

    /// <summary>The template opens in LibreOffice (headless, converted to CSV): skips visibly without it, fails on CI.</summary>
    [SkippableFact]
    public async Task The_template_opens_in_libreoffice()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "LibreOffice (Debian package libreoffice-calc) is missing on CI; .ci/run installs it");
            Skip.If(true, "LibreOffice is not installed (apt-get install libreoffice-calc); the template was not opened in it.");
        }
        var dir = Directory.CreateTempSubdirectory("v40-lo");
        try
        {
            var json = WorkbookPart(JObject.Parse(File.ReadAllText(SeedPaths.Classic)));
            var path = Path.Combine(dir.FullName, "workbook.xlsx");
            File.WriteAllBytes(path, Workbook(TestOrg.English, json));
            // The first sheet is written as CSV; a profile of its own keeps it away from any running instance.
            var psi = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.FullName };
            foreach (var a in new[] { "-env:UserInstallation=file://" + Path.Combine(dir.FullName, "profile"), "--headless", "--convert-to", "csv", "--outdir", dir.FullName, path }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish in 3 minutes");
            var csv = Path.Combine(dir.FullName, "workbook.csv");
            Assert.True(File.Exists(csv), $"LibreOffice wrote no CSV (exit {p.ExitCode}): {await stdout} {await stderr}");
            Assert.StartsWith("Vertrieb40 practice workbook", File.ReadAllText(csv));
        }
        finally { dir.Delete(true); }
    }
}
