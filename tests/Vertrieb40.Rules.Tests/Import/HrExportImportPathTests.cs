using System.Text;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Import;

/// <summary>Summaries for many rows, privacy over every output format, side-file refinement, mapping options, limits.</summary>
public class HrExportImportPathTests
{
    private static ReaderOptions NoSideFile(Vertrieb40.Rules.Privacy.PrivacyOptions? privacy = null)
        => new() { Privacy = privacy, HrExport = new HrExportOptions { FindPracticesFile = false } };

    private static LoadResult Read(string csv, ReaderOptions? options = null, ColumnMapping? mapping = null)
        => HrExportReader.ReadString(csv, "export.csv", options ?? NoSideFile(), mapping);

    private static List<Diagnostic> Problems(LoadResult load) => load.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();

    private static string Export(int unknownManagers)
    {
        var sb = new StringBuilder("Personalnummer;Name;Vorgesetzter\n1;Anna Albers;\n");
        for (var i = 0; i < unknownManagers; i++) sb.Append(100 + i).Append(";P").Append(i).Append(";1\n");
        for (var i = 0; i < unknownManagers; i++) sb.Append(500 + i).Append(";Q").Append(i).Append(";9").Append(i).Append('\n');
        return sb.ToString();
    }

    [Fact]
    public void Up_to_ten_rows_with_one_problem_are_listed_one_by_one()
        => Assert.Equal(10, Problems(Read(Export(10))).Count(d => d.Id == "VT0302"));

    [Fact]
    public void More_than_ten_rows_with_one_problem_are_one_diagnostic_with_the_count_the_first_rows_and_every_row_as_a_location()
    {
        var load = Read(Export(15));
        var d = Assert.Single(Problems(load));
        Assert.Equal("VT0302", d.Id);
        Assert.Equal("15 rows name a manager who is not in the export (rows 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, …); they are kept without a manager (every row is listed in the JSON and SARIF reports)",
            d.GetMessage(TestOrg.English));
        Assert.StartsWith("15 Zeilen nennen eine Führungskraft", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        Assert.Equal(15, d.AdditionalLocations.Count);
        Assert.Equal(Enumerable.Range(17, 15).Select(i => $"/rows/{i - 1}/managerId"), d.AdditionalLocations.Select(l => l.JsonPointer));
    }

    [Fact]
    public void The_threshold_is_an_option()
        => Assert.Equal(15, Problems(Read(Export(15), new ReaderOptions { HrExport = new HrExportOptions { FindPracticesFile = false, SummaryThreshold = 100 } })).Count);

    [Fact]
    public void Repeated_rows_are_left_out_with_one_error_each_or_one_for_many()
    {
        var csv = "EmpID,Name\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"{i},N{i}\n")) + string.Concat(Enumerable.Range(1, 12).Select(i => $"{i},N{i}\n"));
        var load = Read(csv);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0004");
        Assert.StartsWith("12 rows repeat the employee id of an earlier row (rows 14, 15,", d.GetMessage(TestOrg.English));
        Assert.Equal(12, load.Organization!.People.Count);
    }

    // ------------------------------------------------------------------ privacy

    private const string Secret = "EmpID;Name;Manager ID;Manager Name\n" +
        "E-1001;Zora Zwiebelmann;;\n" +
        "E-1002;Xaver Quast;E-1001;\n" +
        "E-1003;Yvette Quast;E-9999;\n" +           // unknown manager id
        "E-1004;Walli Wurzel;;Otto Geheimrat\n" +    // unknown manager name
        "E-1005;Xaver Quast;E-1001;\n" +
        "E-1006;Vroni Vogt;;Xaver Quast\n" +          // ambiguous manager name
        "E-1005;Xaver Quast;E-1001;\n";               // repeated row

    private static readonly string[] Secrets = { "Zwiebelmann", "Quast", "Wurzel", "Geheimrat", "Vogt", "E-9999", "E-1005", "E-1003", "E-1004", "E-1006" };

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("html")]
    public void Without_show_names_no_name_or_id_from_the_import_path_reaches_any_output_format(string format)
    {
        var dir = Directory.CreateTempSubdirectory();
        var csv = Path.Combine(dir.FullName, "export.csv");
        File.WriteAllText(csv, Secret);
        var report = Path.Combine(dir.FullName, "report." + format);
        var o = new StringWriter();
        var code = Program.Run(new[] { "analyze", csv, "--format", format, "--output", report, "--culture", "en" }, o, new StringWriter());
        Assert.Equal(2, code); // the repeated row is an error
        var text = File.ReadAllText(report) + o;
        foreach (var s in Secrets) Assert.DoesNotContain(s, text);
        Assert.Contains("VT0302", text);
        Assert.Contains("VT0303", text);
        Assert.Contains("VT0004", text);

        var shown = Path.Combine(dir.FullName, "shown." + format);
        Program.Run(new[] { "analyze", csv, "--format", format, "--output", shown, "--culture", "en", "--show-names" }, new StringWriter(), new StringWriter());
        var withNames = File.ReadAllText(shown);
        Assert.Contains("Geheimrat", withNames);
        Assert.Contains("E-9999", withNames);
    }

    // ------------------------------------------------------------------ practices refinement

    [Fact]
    public void The_practices_file_refines_imported_units_and_roles_by_id_instead_of_duplicating_them()
    {
        var dir = Directory.CreateTempSubdirectory();
        var csv = Path.Combine(dir.FullName, "export.csv");
        File.WriteAllText(csv, "Personalnummer;Name;Abteilung;Team;Stelle;Vorgesetzter\n1;A;Vertrieb;;Leitung;\n2;B;Vertrieb;Nord;Berater;1\n3;C;Verwaltung;;Sachbearbeiter;1\n");
        File.WriteAllText(Path.Combine(dir.FullName, "export.practices.json"), TestOrg.Doc("""
  "units": [
    { "id": "Vertrieb/Nord", "sharedGoal": true, "customerContact": "direct", "autonomy": { "how": true } },
    { "id": "Verwaltung", "kind": "team", "function": "operations" }
  ],
  "roles": [ { "id": "Berater", "function": "sales", "funnelStage": "consideration" } ]
"""));
        var load = OrganizationReader.ReadFile(csv);
        Assert.Empty(Problems(load));
        var org = load.Organization!;
        Assert.Equal(3, org.Units.Count); // refined, not appended
        var nord = org.Units.Single(u => u.Id == "Vertrieb/Nord");
        Assert.Equal((UnitKind.Team, BusinessFunction.Sales, true, CustomerContact.Direct, true), (nord.Kind, nord.Function, nord.SharedGoal, nord.CustomerContact, nord.Autonomy?.How));
        var verwaltung = org.Units.Single(u => u.Id == "Verwaltung");
        Assert.Equal((UnitKind.Team, BusinessFunction.Operations), (verwaltung.Kind, verwaltung.Function));
        var berater = org.Roles.Single(r => r.Id == "Berater");
        Assert.Equal((BusinessFunction.Sales, FunnelStage.Consideration), (berater.Function, berater.FunnelStage));
        // Set by the consultant: no longer listed as unknown.
        var unknown = load.Diagnostics.Single(d => d.Id == "VT0309").GetMessage(TestOrg.English);
        Assert.DoesNotContain("'Verwaltung'", unknown);
        Assert.DoesNotContain("'Berater'", unknown);
        Assert.Contains("'Sachbearbeiter'", unknown);
    }

    // ------------------------------------------------------------------ mapping options

    private static ColumnMapping? Mapping(string json, out IReadOnlyList<Diagnostic> problems)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "m.mapping.json");
        File.WriteAllText(path, json);
        return ColumnMapping.ReadFile(path, out problems);
    }

    [Fact]
    public void Manager_key_column_resolves_managers_through_another_column_and_says_so()
    {
        var mapping = Mapping("""{ "columns": { "managerId": "Supervisor Email" }, "managerKey": { "column": "Email" } }""", out var problems);
        Assert.Empty(problems);
        var load = Read("EmpID,Name,Email,Supervisor Email\n7,A,a@x.de,\n8,B,b@x.de,A@X.DE\n9,C,c@x.de,b@x.de\n", mapping: mapping);
        Assert.Empty(Problems(load));
        Assert.Equal(new[] { null, "7", "8" }, load.Organization!.People.Select(p => p.ManagerId));
        Assert.Contains("through the column 'Email'", load.Diagnostics.Single(d => d.Id == "VT0307").GetMessage(TestOrg.English));
    }

    [Fact]
    public void Manager_key_employee_id_never_falls_back_to_names()
    {
        var csv = "Personalnummer;Name;Vorgesetzter\n1;Anna Albers;\n2;Bo;Anna Albers\n";
        Assert.Equal("1", Read(csv).Organization!.People[1].ManagerId);
        var strict = Read(csv, mapping: Mapping("""{ "managerKey": "employeeId" }""", out _));
        Assert.Null(strict.Organization!.People[1].ManagerId);
        Assert.Equal("VT0302", Assert.Single(Problems(strict)).Id);
    }

    [Fact]
    public void A_mapping_that_puts_two_fields_on_one_column_is_an_error_at_the_second()
    {
        Assert.Null(Mapping("""{ "columns": { "employeeId": "Nr", "managerId": "nr" } }""", out var problems));
        var d = Assert.Single(problems);
        Assert.Equal("VT0305", d.Id);
        Assert.Contains("'managerId' names the column 'nr', which 'employeeId' already names", d.GetMessage(TestOrg.English));
        Assert.Equal("/columns/managerId", d.Location.JsonPointer);
    }

    [Fact]
    public void Mapping_functions_by_pattern_win_over_inference()
    {
        var mapping = Mapping("""{ "functions": { "departments": { "Admin*": "operations" }, "titles": { "*accountant*": "sales" } } }""", out var problems);
        Assert.Empty(problems);
        var org = Read("Personalnummer;Abteilung;Stelle\n1;Admin Offices;Senior Accountant II\n", mapping: mapping).Organization!;
        Assert.Equal(BusinessFunction.Operations, org.Units[0].Function);
        Assert.Equal(BusinessFunction.Sales, org.Roles[0].Function); // the mapping is the user's word, even against the name
        Assert.Null(Mapping("""{ "functions": { "titles": { "x": "sale" } } }""", out problems));
        Assert.Contains("must be one of", problems.Single().GetMessage(TestOrg.English));
    }

    [Fact]
    public void SuccessFactors_user_data_file_with_its_label_row_upper_case_headers_and_manager_user_ids()
    {
        var csv = "STATUS,USERID,USERNAME,FIRSTNAME,LASTNAME,MANAGER,HR,DIVISION,DEPARTMENT,TITLE\n" +
                  "STATUS,USERID,Username,First Name,Last Name,Manager,Human Resource,Division,Department,Title\n" +
                  "active,cgrant,cgrant,Carla,Grant,NO_MANAGER,hrmgr,Sales,Sales EMEA,VP Sales\n" +
                  "active,dlee,dlee,Dan,Lee,cgrant,hrmgr,Sales,Sales EMEA,Account Executive\n";
        var load = Read(csv);
        Assert.Empty(Problems(load));
        Assert.Equal(new[] { "cgrant", "dlee" }, load.Organization!.People.Select(p => p.Id));
        Assert.Equal("cgrant", load.Organization.People[1].ManagerId);
    }

    // ------------------------------------------------------------------ unit ids, limits, encodings (issue 17)

    [Fact]
    public void Unit_ids_do_not_collide_when_names_contain_a_slash()
    {
        var org = Read("Personalnummer;Bereich;Abteilung\n1;Vertrieb/Nord;Team\n2;Vertrieb;Nord/Team\n").Organization!;
        Assert.NotEqual(org.People[0].UnitId, org.People[1].UnitId);
        Assert.Equal(new[] { "Vertrieb\\/Nord", "Vertrieb\\/Nord/Team", "Vertrieb", "Vertrieb/Nord\\/Team" }, org.Units.Select(u => u.Id));
    }

    [Fact]
    public void A_field_longer_than_the_string_limit_is_a_located_limit_error_not_out_of_memory()
    {
        var csv = "Personalnummer;Name\n1;" + new string('x', 5000) + "\n2;Bo\n";
        var load = Read(csv, new ReaderOptions { MaxStringLength = 1000, HrExport = new HrExportOptions { FindPracticesFile = false } });
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0010");
        Assert.Equal((2, 2), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Contains("longer than 1,000 characters", d.GetMessage(TestOrg.English));
        Assert.Equal("Bo", load.Organization!.People[1].Name); // the next row still lines up
    }

    [Fact]
    public void A_quoted_field_that_never_ends_stops_at_the_limit()
    {
        var load = Read("Personalnummer;Name\n1;\"" + new string('y', 3000), new ReaderOptions { MaxStringLength = 100, HrExport = new HrExportOptions { FindPracticesFile = false } });
        // Only 100 characters are ever held; the first problem of the row is reported, at the field.
        var d = Assert.Single(load.Diagnostics, x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal((2, 2), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
    }

    [Fact]
    public void A_row_with_too_many_fields_is_a_located_limit_error()
    {
        var load = Read("Personalnummer;Name\n1;" + new string(';', 10_000) + "\n");
        Assert.Contains(load.Diagnostics, x => x.Id == "VT0010" && x.Location.Span.StartLine == 2 && x.GetMessage(TestOrg.English).Contains("more than 4,096 fields"));
    }

    [Fact]
    public void One_invalid_byte_in_a_utf8_file_is_an_error_at_its_line_not_a_silent_switch_to_windows_1252()
    {
        var bytes = Encoding.UTF8.GetBytes("Personalnummer;Name;Abteilung\n1;Jürgen;Vertrieb\n2;Jörg;Kundenservice\n3;Bo").Concat(new byte[] { 0xFC }).Concat(Encoding.UTF8.GetBytes(";Vertrieb\n")).ToArray();
        var load = HrExportReader.Read(new MemoryStream(bytes), "mixed.csv");
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal(("VT0300", 4), (d.Id, d.Location.Span.StartLine));
        Assert.Contains("byte 0xFC", d.GetMessage(TestOrg.English));
        Assert.Contains("most likely UTF-8 with a broken byte", d.GetMessage(TestOrg.English));
    }
}
