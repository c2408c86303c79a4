using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading;

public class ReaderErrorTests
{
    private static IReadOnlyList<string> Errors(string json) => TestOrg.Read(json).Diagnostics.Select(TestOrg.Short).ToList();

    [Fact]
    public void Valid_minimal_document_has_no_diagnostics()
    {
        var load = TestOrg.Read(TestOrg.Doc(""));
        Assert.Empty(load.Diagnostics);
        Assert.NotNull(load.Organization);
    }

    [Fact]
    public void Empty_file_is_invalid_json()
    {
        var load = TestOrg.Read("");
        Assert.True(load.HasErrors);
        Assert.Equal("VT0001", Assert.Single(load.Diagnostics).Id);
    }

    [Fact]
    public void Malformed_json_reports_line_and_column_and_pointer()
    {
        var json = "{\n  \"schemaVersion\": \"1.0\",\n  \"units\": [\n    { \"id\": \"u1\" },,\n  ]\n}";
        var d = Assert.Single(TestOrg.Read(json).Diagnostics);
        Assert.Equal("VT0001", d.Id);
        Assert.Equal(4, d.Location.Span.StartLine);
        Assert.Equal("/units", d.Location.JsonPointer);
    }

    [Fact]
    public void Truncated_json_is_reported_not_thrown()
    {
        var load = TestOrg.Read("{\n  \"schemaVersion\": \"1.0\",\n  \"units\": [ { \"id\": \"u1\"");
        Assert.True(load.HasErrors);
        Assert.Contains(load.Diagnostics, d => d.Id == "VT0001");
        Assert.Null(load.Organization);
    }

    [Fact]
    public void Top_level_array_is_a_type_error()
    {
        var d = Assert.Single(TestOrg.Read("[]").Diagnostics);
        Assert.Equal("VT0002", d.Id);
        Assert.Contains("must be an object", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Collects_all_errors_in_one_run()
    {
        var json = """
{
  "schemaVersion": "1.0",
  "units": [
    { "id": "u1", "kind": 5 },
    { "name": "no id" },
    { "id": "u1" }
  ],
  "people": [
    { "id": "p1", "unitId": "nowhere", "managerId": "p1" }
  ],
  "incentivePlans": [ { "id": "ip", "type": "comission" } ]
}
""";
        var errors = Errors(json);
        Assert.Equal(new[]
        {
            "VT0002 /units/0/kind (4,19)",
            "VT0003 /units/1 (5,5)",
            "VT0004 /units/2/id (6,5)",
            "VT0005 /people/0/unitId (9,19)",
            "VT0006 /people/0/managerId (9,40)",
            "VT0008 /incentivePlans/0/type (11,37)",
        }, errors);
    }

    [Fact]
    public void Missing_schema_version_and_unsupported_version()
    {
        Assert.Contains("VT0003  (1,1)", Errors("{}"));
        var d = Assert.Single(TestOrg.Read("{ \"schemaVersion\": \"9.9\" }").Diagnostics);
        Assert.Equal("VT0009", d.Id);
    }

    [Fact]
    public void Unknown_property_is_a_warning_and_reading_goes_on()
    {
        var load = TestOrg.Read(TestOrg.Doc("\"units\": [ { \"id\": \"u1\", \"colour\": { \"a\": [1, 2] } } ]"));
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0007", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.False(load.HasErrors);
        Assert.Single(load.Organization!.Units);
    }

    [Fact]
    public void Reporting_cycle_lists_the_cycle_once()
    {
        var json = TestOrg.Doc("""
"people": [
    { "id": "a", "managerId": "c" },
    { "id": "b", "managerId": "a" },
    { "id": "c", "managerId": "b" },
    { "id": "d", "managerId": "a" }
  ]
""");
        var d = Assert.Single(TestOrg.Read(json).Diagnostics);
        Assert.Equal("VT0006", d.Id);
        Assert.Equal("/people/0/managerId", d.Location.JsonPointer);
        Assert.Contains("a → c → b → a", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Unit_parent_cycle_and_self_parent()
    {
        var json = TestOrg.Doc("""
"units": [
    { "id": "x", "parentId": "x" },
    { "id": "y", "parentId": "z" },
    { "id": "z", "parentId": "y" }
  ]
""");
        var ds = TestOrg.Read(json).Diagnostics;
        Assert.Equal(2, ds.Count(d => d.Id == "VT0006"));
        Assert.Contains(ds, d => d.GetMessage(TestOrg.English).Contains("its own parent"));
    }

    [Fact]
    public void Nesting_depth_is_bounded()
    {
        var deep = TestOrg.Doc("\"units\": [ { \"id\": \"u\", \"autonomy\": " + new string('[', 200) + new string(']', 200) + " } ]");
        var load = TestOrg.Read(deep);
        Assert.True(load.HasErrors);
        Assert.Contains(load.Diagnostics, d => d.Id == "VT0010");
    }

    [Fact]
    public void Invalid_utf8_is_an_input_error()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(TestOrg.Doc("\"organization\": { \"name\": \"X\" }")).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'X'), new byte[] { 0xC3, 0x28 });
        var load = Vertrieb40.Rules.Reading.OrganizationReader.Read(new MemoryStream(bytes.ToArray()), "bad.json");
        Assert.True(load.HasErrors);
        Assert.Contains(load.Diagnostics, d => d.Id == "VT0001" && d.GetMessage(TestOrg.English).Contains("UTF-8"));
    }

    [Fact]
    public void Utf8_bom_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(TestOrg.Doc(""))).ToArray();
        var load = Vertrieb40.Rules.Reading.OrganizationReader.Read(new MemoryStream(bytes), "bom.json");
        Assert.False(load.HasErrors);
    }

    [Fact]
    public void Missing_file_is_reported_as_unreadable()
    {
        var load = Vertrieb40.Rules.Reading.OrganizationReader.ReadFile("/nonexistent/org.json");
        Assert.Equal("VT0011", Assert.Single(load.Diagnostics).Id);
    }

    [Fact]
    public void NaN_and_negative_numbers_are_invalid_values()
    {
        var json = TestOrg.Doc("\"processes\": [ { \"id\": \"p\", \"workType\": \"routine\", \"steps\": -3 } ], \"approvalPolicies\": [ { \"id\": \"a\", \"subject\": \"discount\", \"thresholds\": [ { \"above\": NaN } ] } ]");
        var ids = TestOrg.Read(json).Diagnostics.Select(d => d.Id).ToList();
        Assert.Equal(new[] { "VT0008", "VT0008" }, ids);
    }

    [Fact]
    public void Entity_positions_point_at_the_opening_brace()
    {
        var json = "{\n  \"schemaVersion\": \"1.0\",\n  \"units\": [\n    { \"id\": \"a\" },\n      { \"id\": \"b\" }\n  ]\n}";
        var org = TestOrg.Read(json).Organization!;
        Assert.Equal((4, 5), (org.Units[0].Start.Line, org.Units[0].Start.Column));
        Assert.Equal((5, 7), (org.Units[1].Start.Line, org.Units[1].Start.Column));
        Assert.Equal("/units/1", org.Units[1].Pointer);
    }
}
