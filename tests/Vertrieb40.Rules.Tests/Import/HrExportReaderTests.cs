using System.Text;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Import;

public class HrExportReaderTests
{
    private static LoadResult Read(string csv, ReaderOptions? options = null, ColumnMapping? mapping = null)
        => HrExportReader.ReadString(csv, "export.csv", options ?? new ReaderOptions { HrExport = new HrExportOptions { FindPracticesFile = false } }, mapping);

    // Problems only: the Info diagnostics that list inferred functions (VT0308/VT0309) have tests of their own.
    private static List<Diagnostic> Problems(LoadResult load) => load.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();

    private static string Short(Diagnostic d) => $"{d.Id} {d.Location.JsonPointer} ({d.Location.Span.StartLine},{d.Location.Span.StartColumn})";

    private const string German = """
Personalnummer;Name;Bereich;Abteilung;Stelle;Vorgesetzter;Standort;Kostenstelle
1;Anna Albers;Geschäftsführung;Geschäftsführung;Geschäftsführerin;1;Hamburg;100
2;Bernd Brandt;Vertrieb;Vertrieb Nord;Vertriebsleiter;1;Hamburg;200
3;Carla Cordes  ;Vertrieb;Vertrieb Nord;Außendienst;2;Kiel;200
4;Dirk Dietz;Marketing;Online-Marketing;Performance Marketer;Anna Albers;Hamburg;300
""";

    [Fact]
    public void German_semicolon_export_becomes_people_units_roles_and_reporting_lines()
    {
        var load = Read(German);
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        Assert.Empty(Problems(load));
        var org = load.Organization!;
        Assert.Equal(new[] { "1", "2", "3", "4" }, org.People.Select(p => p.Id));
        Assert.Equal("Carla Cordes", org.People[2].Name); // trailing spaces trimmed
        Assert.Equal(new[] { "Geschäftsführung", "Geschäftsführung/Geschäftsführung", "Vertrieb", "Vertrieb/Vertrieb Nord", "Marketing", "Marketing/Online-Marketing" },
            org.Units.Select(u => u.Id));
        var nord = org.Units.Single(u => u.Id == "Vertrieb/Vertrieb Nord");
        Assert.Equal(UnitKind.Department, nord.Kind);
        Assert.Equal(BusinessFunction.Sales, nord.Function);
        Assert.Equal("Vertrieb", nord.Parent!.Id);
        Assert.Equal(UnitKind.Division, nord.Parent.Kind);
        Assert.Equal(BusinessFunction.Marketing, org.Units.Single(u => u.Id == "Marketing/Online-Marketing").Function);
        Assert.Equal(new[] { "Geschäftsführerin", "Vertriebsleiter", "Außendienst", "Performance Marketer" }, org.Roles.Select(r => r.Id));
        Assert.Null(org.People[0].Manager);                 // own id as manager: the top, not a cycle
        Assert.Equal("1", org.People[1].Manager!.Id);
        Assert.Equal("2", org.People[2].Manager!.Id);
        Assert.Equal("1", org.People[3].Manager!.Id);       // manager given by name in the id column
        Assert.Equal("/rows/2", org.People[2].Pointer);
        Assert.Equal(new SourcePosition(4, 1), org.People[2].Start);
    }

    [Fact]
    public void Comma_export_with_quotes_commas_doubled_quotes_and_line_breaks()
    {
        var csv = "Employee ID,Full Name,Department,Job Title,Manager ID\r\n" +
                  "e1,\"Smith, Anna\",Sales,\"Head of \"\"Sales\"\"\",\r\n" +
                  "e2,Bob,Sales,\"Field\nSales\",e1\r\n" +
                  "e3,Carl,Support,Agent,e9\r\n";
        var load = Read(csv);
        var org = load.Organization!;
        Assert.Equal("Smith, Anna", org.People[0].Name);
        Assert.Equal("Head of \"Sales\"", org.Roles[0].Id);
        Assert.Equal("Field\nSales", org.People[1].RoleIds.Single());
        // The row after the embedded line break starts on editor line 5, and the manager is field 5.
        var warning = Assert.Single(Problems(load));
        Assert.Equal("VT0302 /rows/2/managerId (5,5)", Short(warning));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("e3", warning.Location.EntityId);
        Assert.Contains("'e9'", warning.GetMessage(TestOrg.English));
        Assert.False(load.HasErrors);
    }

    [Theory]
    [InlineData("EmpID;Mgr Name;Division;Position\n", "EmpID")]
    [InlineData("worker_id,supervisorId,Dept,title\n", "worker_id")]
    [InlineData("EMPLOYEE_ID , MANAGER ID , ABTEILUNG\n", "EMPLOYEE_ID")]
    public void Header_synonyms_ignore_case_spaces_and_underscores(string header, string idHeader)
    {
        var delimiter = header.Contains(';') ? ";" : ",";
        var load = Read(header + string.Join(delimiter, Enumerable.Repeat("x", header.Split(delimiter[0]).Length)) + "\n");
        Assert.False(load.HasErrors, idHeader + ": " + string.Join("\n", load.Diagnostics));
        Assert.Equal("x", load.Organization!.People.Single().Id);
    }

    [Fact]
    public void Windows_1252_is_detected_when_the_bytes_are_not_utf8()
    {
        var header = "Personalnummer;Name;Abteilung\r\n";
        var bytes = Encoding.ASCII.GetBytes(header).Concat(new byte[] { (byte)'7', (byte)';', (byte)'J', (byte)'\xFC', (byte)'r', (byte)'g', (byte)'e', (byte)'n', (byte)';', 0x80, (byte)'-', (byte)'K', (byte)'\xE4', (byte)'s', (byte)'e', 0x0D, 0x0A }).ToArray();
        var load = HrExportReader.Read(new MemoryStream(bytes), "ansi.csv");
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        Assert.Equal("Jürgen", load.Organization!.People.Single().Name);
        Assert.Equal("€-Käse", load.Organization.Units.Single().Id);
    }

    [Fact]
    public void Utf8_with_and_without_bom_read_the_same()
    {
        var text = "Personalnummer;Name;Abteilung\n7;Jürgen;Kundenservice\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var a = HrExportReader.Read(new MemoryStream(withBom), "a.csv").Organization!;
        var b = HrExportReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "b.csv").Organization!;
        Assert.Equal("Jürgen", a.People[0].Name);
        Assert.Equal("7", a.People[0].Id); // the BOM is not part of the first header
        Assert.Equal(a.People[0].Name, b.People[0].Name);
        Assert.Equal(BusinessFunction.Support, a.Units[0].Function);
    }

    [Fact]
    public void Windows_1252_table_covers_the_special_range()
    {
        var e = Windows1252Encoding.Instance;
        Assert.Equal("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", new string(new byte[] { 0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8E, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9E, 0x9F }.Select(Windows1252Encoding.Decode).ToArray()));
        Assert.Equal('\u0081', Windows1252Encoding.Decode(0x81));
        Assert.Equal("äöüßÄÖÜ", e.GetString(new byte[] { 0xE4, 0xF6, 0xFC, 0xDF, 0xC4, 0xD6, 0xDC }));
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        Assert.Equal(all, e.GetBytes(e.GetString(all)));
    }

    [Fact]
    public void Unknown_ambiguous_and_missing_managers_are_warnings_with_row_and_column()
    {
        var csv = "Personalnummer;Name;Vorgesetzter;Manager Name\n" +
                  "1;Anna;;\n" +        // line 2: top
                  "2;Jan Ohm;1;\n" +    // line 3
                  "3;Jan Ohm;1;\n" +    // line 4
                  "4;Eva;;Jan Ohm\n" +  // line 5: ambiguous name
                  "5;Udo;;Nobody\n" +   // line 6: unknown name
                  "6;Ina;77;\n" +       // line 7: unknown id
                  "7;Ole;;\n";          // line 8: a second top
        var load = Read(csv, new ReaderOptions { Privacy = new Vertrieb40.Rules.Privacy.PrivacyOptions { ShowNames = true }, HrExport = new HrExportOptions { FindPracticesFile = false } });
        Assert.False(load.HasErrors);
        Assert.Equal(new[]
        {
            "VT0303 /rows/3/managerName (5,4)",
            "VT0302 /rows/4/managerName (6,4)",
            "VT0302 /rows/5/managerId (7,3)",
            "VT0304 /rows/6/managerId (8,3)",
        }, Problems(load).Select(Short));
        Assert.All(Problems(load), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("'Jan Ohm' matches 2 people", Problems(load)[0].GetMessage(TestOrg.English));
        Assert.Contains("row 2 is already the top", Problems(load)[3].GetMessage(TestOrg.English));
    }

    [Fact]
    public void Manager_names_are_hidden_in_messages_unless_names_are_shown()
    {
        var csv = "Personalnummer;Name;Manager Name\n1;Anna;\n2;Eva;Max Mustermann\n";
        var hidden = Read(csv, new ReaderOptions { Privacy = new Vertrieb40.Rules.Privacy.PrivacyOptions(), HrExport = new HrExportOptions { FindPracticesFile = false } });
        var message = Assert.Single(Problems(hidden)).GetMessage(TestOrg.English);
        Assert.DoesNotContain("Mustermann", message);
        Assert.Contains("name hidden", message);
        Assert.Contains("Name verborgen", Problems(hidden)[0].GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        Assert.All(hidden.Organization!.People, p => Assert.Null(p.Name));
    }

    [Theory]
    [InlineData("", "VT0301", 1, 1, "empty")]
    [InlineData("Name;Abteilung\nAnna;Vertrieb\n", "VT0301", 1, 1, "employee id")]
    [InlineData("Personalnummer;Name;Name\n1;a;b\n", "VT0301", 1, 3, "same name")]
    [InlineData("Personalnummer;EmpID\n1;2\n", "VT0301", 1, 2, "both look like the employee id")]
    [InlineData("Personalnummer;Name\n1;Anna\n2;Bob;extra\n", "VT0300", 3, 3, "has 3 fields, but the header has 2")]
    [InlineData("Personalnummer;Name\n1;\"Anna\n2;Bob\n", "VT0300", 2, 2, "never closed")]
    [InlineData("Personalnummer;Name\n1;\"Anna\"x\n", "VT0300", 2, 2, "after the closing quote")]
    [InlineData("Personalnummer;Name\n;Anna\n", "VT0300", 2, 1, "no employee id")]
    [InlineData("Personalnummer;Name\n", "VT0300", 2, 1, "no rows")]
    [InlineData("Standort;Personalnummer\nKiel;1\nHamburg\n", "VT0300", 3, 1, "has 1 fields, but the header has 2")] // an unused column alone is not a blank line
    public void Malformed_csv_is_an_error_with_row_and_column(string csv, string id, int line, int column, string text)
    {
        var load = Read(csv);
        Assert.True(load.HasErrors);
        var d = load.Diagnostics.First(x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, d.Id);
        Assert.Equal((line, column), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Equal("export.csv", d.Location.FilePath);
        Assert.Contains(text, d.GetMessage(TestOrg.English));
        // No silent partial results: the analyzer refuses the document.
        Assert.True(OrganizationAnalyzer.Default.Analyze(load).InputFailed);
    }

    [Fact]
    public void Duplicate_employee_ids_and_reporting_cycles_are_errors_at_the_row()
    {
        var load = Read("Personalnummer;Vorgesetzter\n1;2\n2;1\n2;1\n");
        Assert.Contains(load.Diagnostics, d => d.Id == "VT0004" && d.Location.JsonPointer == "/rows/2/employeeId" && d.Location.Span.StartLine == 4);
        Assert.Contains(load.Diagnostics, d => d.Id == "VT0006" && d.Location.JsonPointer == "/rows/0/managerId" && d.Location.Span.StartLine == 2);
    }

    [Fact]
    public void Column_mapping_names_columns_no_synonym_covers()
    {
        var dir = Directory.CreateTempSubdirectory();
        var mappingPath = Path.Combine(dir.FullName, "m.mapping.json");
        File.WriteAllText(mappingPath, """{ "columns": { "employeeId": "Kennung", "managerId": "Chef", "department": "OE" }, "delimiter": "|" }""");
        var bad = ColumnMapping.ReadFile(mappingPath, out var problems);
        Assert.Null(bad);
        Assert.Equal("VT0305", Assert.Single(problems).Id);
        Assert.Equal(1, problems[0].Location.Span.StartLine);

        File.WriteAllText(mappingPath, """{ "columns": { "employeeId": "Kennung", "managerId": "Chef", "department": "OE" } }""");
        var mapping = ColumnMapping.ReadFile(mappingPath, out problems);
        Assert.Empty(problems);
        var load = Read("Kennung;Chef;OE;ID\nk1;;Vertrieb;x\nk2;k1;Vertrieb;y\n", mapping: mapping);
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        Assert.Equal("k1", load.Organization!.People[1].Manager!.Id); // the mapping wins over the "ID" synonym
        Assert.Equal("Vertrieb", load.Organization.People[1].Unit!.Id);

        File.WriteAllText(mappingPath, """{ "columns": { "employeeId": "Kennung", "bossId": "Chef" } }""");
        Assert.Null(ColumnMapping.ReadFile(mappingPath, out problems));
        Assert.Contains("unknown field 'bossId'", problems.Single().GetMessage(TestOrg.English));
    }

    [Fact]
    public void Practices_side_file_resolves_against_the_exports_units_roles_and_people()
    {
        var dir = Directory.CreateTempSubdirectory();
        var csv = Path.Combine(dir.FullName, "export.csv");
        File.WriteAllText(csv, German);
        var side = Path.Combine(dir.FullName, "export.practices.json");
        File.WriteAllText(side, TestOrg.Doc("""
  "incentivePlans": [ { "id": "ip", "type": "commission", "level": "individual", "participants": { "unitIds": ["Vertrieb"] } } ],
  "targets": [ { "id": "t", "level": "individual", "appliesTo": { "roleIds": ["Außendienst"], "personIds": ["4"] } } ],
  "meetings": [ { "id": "m", "purpose": "coordination", "chairUnitId": "Nowhere" } ]
"""));
        var load = OrganizationReader.ReadFile(csv); // found by convention: export.practices.json
        var error = Assert.Single(Problems(load));
        Assert.Equal("VT0005", error.Id);
        Assert.Equal(side, error.Location.FilePath);              // points into the side file
        Assert.Equal("/meetings/0/chairUnitId", error.Location.JsonPointer);

        File.WriteAllText(side, File.ReadAllText(side).Replace("\"Nowhere\"", "\"Vertrieb/Vertrieb Nord\""));
        var result = OrganizationAnalyzer.Default.AnalyzeFile(csv);
        Assert.False(result.InputFailed, string.Join("\n", result.Diagnostics));
        var plan = Assert.Single(result.Diagnostics, d => d.Id == "VT3001");
        Assert.Equal(side, plan.Location.FilePath);
        Assert.Contains("2 people", plan.GetMessage(TestOrg.English));
        Assert.Contains("2 people", Assert.Single(result.Diagnostics, d => d.Id == "VT1009").GetMessage(TestOrg.English));

        var explicitMissing = OrganizationReader.ReadFile(csv, new ReaderOptions { HrExport = new HrExportOptions { PracticesFile = Path.Combine(dir.FullName, "nope.json") } });
        Assert.Equal("VT0306", Assert.Single(Problems(explicitMissing)).Id);
    }

    // The linker takes the people by id from the importer (no second dictionary of a million ids): a person the side
    // file adds with an id of the export is still a duplicate, and references still resolve to the export's person.
    [Fact]
    public void Side_file_person_with_an_export_id_is_a_duplicate_also_with_the_importers_index()
    {
        var dir = Directory.CreateTempSubdirectory();
        var csv = Path.Combine(dir.FullName, "export.csv");
        File.WriteAllText(csv, German);
        File.WriteAllText(Path.Combine(dir.FullName, "export.practices.json"),
            TestOrg.Doc("\"people\": [ { \"id\": \"2\", \"managerId\": \"1\" }, { \"id\": \"9\", \"managerId\": \"3\" } ]"));
        var load = OrganizationReader.ReadFile(csv);
        var duplicate = Assert.Single(Problems(load));
        Assert.Equal("VT0004", duplicate.Id);
        Assert.Equal("/people/0/id", duplicate.Location.JsonPointer);
        var people = load.Organization!.People;
        Assert.Equal(6, people.Count);
        Assert.Same(people[2], people[5].Manager); // the side file's person 9 reports to the export's person 3
        Assert.Same(people[1], people[2].Manager); // the export's own lines are unchanged
        Assert.Same(people[0], people[4].Manager); // the side file's person 2 reports to the export's person 1
    }

    // A file large enough for the size hint (collections pre-sized from its length and its first lines) reads
    // exactly as the same rows read from a string (no hint), also when the first lines are short and the rest long.
    [Fact]
    public void Large_export_reads_the_same_with_the_size_hint()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = new StringBuilder("ID;Manager;Department;Team;Title\n");
        for (var i = 0; i < 5000; i++)
            text.Append(i.ToString(inv)).Append(';').Append(i == 0 ? "" : ((i - 1) / 7).ToString(inv)).Append(';')
                .Append(i < 3000 ? "D" : "Department of long names " + (i / 100).ToString(inv)).Append(';')
                .Append(i < 3000 ? "T" + (i / 50).ToString(inv) : "Team " + (i / 20).ToString(inv))
                .Append(';').Append(i % 3 == 0 ? "Sales" : "Engineer").Append('\n');
        var dir = Directory.CreateTempSubdirectory();
        var file = Path.Combine(dir.FullName, "big.csv");
        File.WriteAllText(file, text.ToString());
        var options = new ReaderOptions { HrExport = new HrExportOptions { FindPracticesFile = false } };
        var fromFile = HrExportReader.ReadFile(file, options);
        var fromString = HrExportReader.ReadString(text.ToString(), file, options);
        Assert.Empty(Problems(fromFile));
        Assert.Equal(5000, fromFile.Organization!.People.Count);
        Assert.Equal(4999, fromFile.Organization.People.Count(p => p.Manager != null));
        static string Shape(LoadResult l) => string.Join("\n", l.Organization!.People.Select(p => $"{p.Id} {p.Manager?.Id} {p.Unit?.Id} {string.Join(",", p.Roles.Select(r => r.Id))}"))
            + "\n" + string.Join("\n", l.Organization.Units.Select(u => $"{u.Id} {u.Parent?.Id} {u.Function}")) + "\n" + string.Join("\n", l.Diagnostics);
        Assert.Equal(Shape(fromString), Shape(fromFile));
    }

    [Theory]
    [InlineData("Vertriebsinnendienst", BusinessFunction.Sales)]
    [InlineData("Key Account Management", BusinessFunction.Sales)]
    [InlineData("Accounting", BusinessFunction.Finance)]
    [InlineData("Produktion", BusinessFunction.Production)]
    [InlineData("Produktmanagement", BusinessFunction.Product)]
    [InlineData("IT", BusinessFunction.Operations)] // internal IT, as the corpus labels it
    [InlineData("Kreditprüfung", BusinessFunction.Finance)] // not IT
    [InlineData("Kundenservice", BusinessFunction.Support)]
    [InlineData("Personal", BusinessFunction.People)]
    public void Functions_are_inferred_from_names(string name, BusinessFunction expected)
        => Assert.Equal(expected, FunctionInference.FromName(name));
}
