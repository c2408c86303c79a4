using System.Globalization;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Import;

/// <summary>
/// Synthetic exports that reproduce, quirk by quirk, public HR exports with reporting lines (no third-party rows
/// are committed; see Fixtures/README.md for the sources and their licences). Each test names the quirk it covers;
/// each fixture's hierarchy (tops, depth, widest span) is checked, every warning is asserted, and every unit's
/// function is the one its name says (or unknown).
/// </summary>
public class HrExportFixtureTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);

    private static LoadResult Load(string name, ColumnMapping? mapping = null)
    {
        var options = new ReaderOptions { HrExport = new HrExportOptions { FindPracticesFile = false } };
        using var stream = File.OpenRead(Fixture(name));
        return HrExportReader.Read(stream, name, options, mapping);
    }

    private static List<Diagnostic> Problems(LoadResult load) => load.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();

    /// <summary>Tops (people without a manager), the longest reporting chain in edges, the most direct reports.</summary>
    internal static (int Tops, int Depth, int Span) Hierarchy(Organization org)
    {
        var tops = org.People.Count(p => p.Manager is null);
        var depth = 0;
        foreach (var p in org.People)
        {
            var d = 0;
            for (var m = p.Manager; m != null && d <= org.People.Count; m = m.Manager) d++;
            depth = Math.Max(depth, d);
        }
        var span = org.People.Where(p => p.Manager != null).GroupBy(p => p.Manager!.Id).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        return (tops, depth, span);
    }

    private static Dictionary<string, BusinessFunction> Functions(IEnumerable<Entity> entities)
        => entities.ToDictionary(e => e.Id, e => e is Unit u ? u.Function : ((Role)e).Function ?? BusinessFunction.Other);

    // ---------------------------------------------------------------- HRDataset v14 (Huebner & Patalano)

    [Fact]
    public void HrDataset_manager_ids_are_their_own_numbering_so_managers_resolve_by_name_and_say_so_once()
    {
        var load = Load("hrdataset-v14-like.csv");
        var info = Assert.Single(load.Diagnostics, d => d.Id == "VT0307");
        Assert.Equal("The manager column 'ManagerID' matches an employee id in 0 of 20 rows; managers were resolved by name ('ManagerName') in 19 of 20 rows",
            info.GetMessage(TestOrg.English));
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(Hierarchy(load.Organization!), (1, 3, 4));
    }

    [Fact]
    public void HrDataset_employees_are_last_comma_first_with_middle_initials_and_double_spaces_managers_first_last()
    {
        var org = Load("hrdataset-v14-like.csv").Organization!;
        Assert.Equal("10003", org.People.Single(p => p.Id == "10005").Manager!.Id); // "Adinolfi, Wilson  K" ← "Rupert Falk"
        Assert.Equal("10002", org.People.Single(p => p.Id == "10003").Manager!.Id); // "Falk" ← "Ida Brenner" ("Brenner, Ida  M")
    }

    [Fact]
    public void HrDataset_row_without_a_manager_id_still_resolves_by_its_manager_name()
        => Assert.Equal("10003", Load("hrdataset-v14-like.csv").Organization!.People.Single(p => p.Id == "10007").Manager!.Id);

    [Fact]
    public void HrDataset_the_ceo_reports_to_the_board_which_is_not_in_the_export_the_only_true_warning()
    {
        var load = Load("hrdataset-v14-like.csv");
        var warning = Assert.Single(Problems(load));
        Assert.Equal("VT0302", warning.Id);
        Assert.Equal("/rows/0/managerName", warning.Location.JsonPointer);
        Assert.Contains("'Board of Directors'", warning.GetMessage(TestOrg.English));
    }

    [Fact]
    public void HrDataset_departments_with_trailing_spaces_and_a_slash_are_one_unit_each_and_classified_only_by_evidence()
    {
        var org = Load("hrdataset-v14-like.csv").Organization!;
        Assert.Equal(new Dictionary<string, BusinessFunction>
        {
            ["Executive Office"] = BusinessFunction.Management,
            ["Production"] = BusinessFunction.Production,      // not "product"
            ["Sales"] = BusinessFunction.Sales,
            ["Admin Offices"] = BusinessFunction.Other,        // unknown: listed by VT0309, no rule treats it as anything
            ["IT\\/IS"] = BusinessFunction.Operations,         // '/' in a name is escaped in the id
            ["Software Engineering"] = BusinessFunction.Engineering,
        }, Functions(org.Units));
        Assert.Equal(BusinessFunction.Finance, org.Roles.Single(r => r.Id == "Sr. Accountant").Function); // not "account" → sales
        Assert.Equal(BusinessFunction.Other, org.Roles.Single(r => r.Id == "Shared Services Manager").Function); // not support
    }

    [Fact]
    public void HrDataset_unclassified_names_are_listed_once_and_inferred_ones_with_their_evidence()
    {
        var load = Load("hrdataset-v14-like.csv");
        var unknown = Assert.Single(load.Diagnostics, d => d.Id == "VT0309").GetMessage(TestOrg.English);
        Assert.StartsWith("Could not classify 1 unit and 4 roles by name: 'Director of Operations', 'Admin Offices', 'Shared Services Manager', 'Administrative Assistant', 'Database Administrator'", unknown);
        var inferred = Assert.Single(load.Diagnostics, d => d.Id == "VT0308");
        Assert.Contains("'Production' → production", inferred.GetMessage(TestOrg.English));
        Assert.Contains("\"id\":\"Production\",\"function\":\"production\",\"from\":\"departmentName\"", inferred.Properties["functions"]);
        Assert.Equal(5 + 9, inferred.AdditionalLocations.Count); // every inferred unit and role, for JSON and SARIF
    }

    // ---------------------------------------------------------------- Oracle HR sample schema (EMPLOYEES)

    [Fact]
    public void Oracle_upper_snake_headers_and_manager_ids_that_are_employee_ids()
    {
        var load = Load("oracle-hr-like.csv");
        Assert.Empty(Problems(load));
        Assert.DoesNotContain(load.Diagnostics, d => d.Id == "VT0307"); // plain employee ids: nothing to say
        Assert.Equal((1, 3, 4), Hierarchy(load.Organization!));
        Assert.Empty(load.Organization!.Units); // DEPARTMENT_ID is a code no synonym claims
    }

    [Fact]
    public void Oracle_department_and_job_codes_are_mapped_and_their_functions_set_by_the_mapping_file()
    {
        var mapping = ColumnMapping.ReadFile(Fixture("oracle-hr-like.mapping.json"), out var problems);
        Assert.Empty(problems);
        var load = Load("oracle-hr-like.csv", mapping);
        Assert.Empty(Problems(load));
        var org = load.Organization!;
        Assert.Equal(new Dictionary<string, BusinessFunction>
        {
            ["90"] = BusinessFunction.Management, ["60"] = BusinessFunction.Operations, ["80"] = BusinessFunction.Sales,
            ["10"] = BusinessFunction.Other, // a number says nothing: unknown, listed
        }, Functions(org.Units));
        Assert.Equal(BusinessFunction.Sales, org.Roles.Single(r => r.Id == "SA_REP").Function);
        Assert.Contains("'10'", Assert.Single(load.Diagnostics, d => d.Id == "VT0309").GetMessage(TestOrg.English));
        Assert.DoesNotContain(load.Diagnostics, d => d.Id == "VT0308"); // the mapping decided; nothing was inferred… except nothing
    }

    [Fact]
    public void Oracle_employee_without_a_department_has_no_unit()
        => Assert.Null(Load("oracle-hr-like.csv", ColumnMapping.ReadFile(Fixture("oracle-hr-like.mapping.json"), out _)).Organization!.People.Single(p => p.Id == "178").UnitId);

    // ---------------------------------------------------------------- Northwind Employees

    [Fact]
    public void Northwind_reports_to_is_null_for_the_top_and_ids_otherwise()
    {
        var load = Load("northwind-employees-like.csv");
        Assert.Empty(Problems(load));
        Assert.Equal((1, 2, 5), Hierarchy(load.Organization!));
        Assert.Null(load.Organization!.People.Single(p => p.Id == "2").Manager);
    }

    [Fact]
    public void Northwind_titles_with_commas_and_notes_with_quotes_and_crlf_line_breaks()
    {
        var org = Load("northwind-employees-like.csv").Organization!;
        Assert.Equal(new[] { "Sales Representative", "Vice President, Sales", "Sales Manager", "Inside Sales Coordinator" }, org.Roles.Select(r => r.Id));
        Assert.All(org.Roles, r => Assert.Equal(BusinessFunction.Sales, r.Function));
        Assert.Equal("Nina Dahl", org.People[0].Name);
        Assert.Equal(4, org.People[1].Start.Line); // row 1's address spans lines 2–3
    }

    // ---------------------------------------------------------------- Personio-style export (teams, roles, names)

    [Fact]
    public void Personio_teams_become_team_units_below_their_department_with_the_departments_function()
    {
        var org = Load("personio-like.csv").Organization!;
        var nord = org.Units.Single(u => u.Id == "Vertrieb/Team Nord");
        Assert.Equal(UnitKind.Team, nord.Kind);
        Assert.Equal("Vertrieb", nord.ParentId);
        Assert.Equal(BusinessFunction.Sales, nord.Function); // from its department: shown by VT0308 as "(from 'Vertrieb')"
        Assert.Equal("Vertrieb/Team Nord", org.People.Single(p => p.Id == "3").UnitId);
        Assert.Equal("Geschäftsführung", org.People[0].UnitId);
    }

    [Fact]
    public void Personio_a_roles_cell_with_several_values_gives_several_roles()
    {
        var org = Load("personio-like.csv").Organization!;
        Assert.Equal(new[] { "Account Executive", "Kundenservice" }, org.People.Single(p => p.Id == "3").RoleIds);
        Assert.Equal(new[] { "Inside Sales", "Produktmarketing" }, org.People.Single(p => p.Id == "4").RoleIds);
        Assert.Equal(BusinessFunction.Support, org.Roles.Single(r => r.Id == "Kundenservice").Function);
    }

    [Fact]
    public void Personio_supervisor_names_in_other_order_case_spacing_and_without_umlauts_resolve()
    {
        var load = Load("personio-like.csv");
        Assert.Empty(Problems(load));
        Assert.Equal((1, 2, 4), Hierarchy(load.Organization!));
        Assert.All(load.Organization!.People.Skip(1), p => Assert.NotNull(p.Manager));
    }
}
