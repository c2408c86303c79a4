using System.Text;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading;

/// <summary>
/// Issue 14 (fewer objects per person) and issue 11 (import speed): the readers share what repeats — role lists,
/// resolved roles, repeating CSV values — and keep positions compactly, without changing what is read or reported.
/// </summary>
public class ReadingMemoryTests
{
    [Fact]
    public void People_with_equal_role_lists_share_one_id_array_and_one_resolved_list()
    {
        var json = TestOrg.Doc("""
            "units": [ { "id": "u1", "kind": "team", "function": "sales" } ],
            "roles": [ { "id": "r1" }, { "id": "r2" } ],
            "people": [
              { "id": "p1", "unitId": "u1", "roleIds": ["r1", "r2"] },
              { "id": "p2", "unitId": "u1", "roleIds": ["r1", "r2"] },
              { "id": "p3", "unitId": "u1", "roleIds": ["r2", "r1"] }
            ]
            """);
        var load = TestOrg.Read(json);
        Assert.False(load.HasErrors);
        var people = load.Organization!.People;
        Assert.Same(people[0].RoleIds, people[1].RoleIds);
        Assert.Same(people[0].Roles, people[1].Roles);
        Assert.NotSame(people[0].RoleIds, people[2].RoleIds); // the order is part of the list
        Assert.Equal(new[] { "r2", "r1" }, people[2].RoleIds);
        Assert.Equal(new[] { "r1", "r2" }, people[1].Roles.Select(r => r.Id));
    }

    [Fact]
    public void A_shared_role_list_with_an_unknown_role_is_reported_for_every_person_who_holds_it()
    {
        var json = TestOrg.Doc("""
            "units": [ { "id": "u1", "kind": "team", "function": "sales" } ],
            "roles": [ { "id": "r1" } ],
            "people": [
              { "id": "p1", "unitId": "u1", "roleIds": ["r1", "rx"] },
              { "id": "p2", "unitId": "u1", "roleIds": ["r1", "rx"] }
            ]
            """);
        var load = TestOrg.Read(json);
        var unresolved = load.Diagnostics.Where(d => d.Id == "VT0005").ToList();
        Assert.Equal(2, unresolved.Count);
        Assert.Equal(new[] { "/people/0/roleIds/1", "/people/1/roleIds/1" }, unresolved.Select(d => d.Location.JsonPointer).Order());
        Assert.All(load.Organization!.People, p => Assert.Equal(new[] { "r1" }, p.Roles.Select(r => r.Id)));
    }

    [Fact]
    public void A_duplicate_property_after_many_others_is_still_reported_with_the_first_line()
    {
        // More properties than the linear search holds (16): the check switches to a dictionary and still finds it.
        var unknown = string.Join(",\n", Enumerable.Range(0, 20).Select(i => $"\"x{i}\": {i}"));
        var json = TestOrg.Doc($$"""
            "units": [ { "id": "u1",
            "kind": "team",
            {{unknown}},
            "function": "sales", "kind": "department" } ]
            """);
        var load = TestOrg.Read(json);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0008");
        Assert.Contains("'kind' once in a unit (the first is at line 4)", d.GetMessage(TestOrg.English));
        Assert.Equal(UnitKind.Team, load.Organization!.Units[0].Kind);
    }

    [Fact]
    public void A_property_position_recorded_twice_keeps_the_last_and_others_stay_apart()
    {
        var unit = new Unit();
        for (var i = 1; i <= 9; i++) unit.SetPropertyPosition("p" + i, new SourcePosition(i, 1));
        unit.SetPropertySpan("p3", new SourcePosition(30, 2), new SourcePosition(30, 9));
        Assert.Equal(new SourcePosition(30, 2), unit.GetPropertyPosition("p3"));
        Assert.True(unit.TryGetPropertySpan("p3", out _, out var end));
        Assert.Equal(new SourcePosition(30, 9), end);
        Assert.Equal(new SourcePosition(9, 1), unit.GetPropertyPosition("p9"));
        Assert.False(unit.HasPropertyPosition("p10"));
        unit.Start = new SourcePosition(7, 7);
        Assert.Equal(unit.Start, unit.GetPropertyPosition("p10"));
    }

    [Fact]
    public void Repeating_csv_values_are_one_string_and_unique_ones_are_read_as_written()
    {
        var csv = "Employee ID;Name;Manager ID;Department;Job Title\n"
                  + "e1;Anna Albers;;Vertrieb;Leitung\n"
                  + "e2; Ben Berg ;e1;Vertrieb;Vertrieb Innendienst\n"
                  + "e3;\"Carla \"\"C\"\" Conrad\";e1;\" Vertrieb \";Vertrieb Innendienst\n";
        var load = HrExportReader.ReadString(csv, "export.csv");
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity == Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Error);
        var people = load.Organization!.People;
        Assert.Equal(new[] { "Anna Albers", "Ben Berg", "Carla \"C\" Conrad" }, people.Select(p => p.Name));
        Assert.Same(people[1].UnitId, people[2].UnitId);   // the quoted, padded department is the same unit
        Assert.Same(people[1].RoleIds, people[2].RoleIds);
        Assert.Equal("e1", people[2].ManagerId);
        Assert.Single(load.Organization.Units);
    }

    [Fact]
    public void An_invalid_byte_after_a_long_ascii_run_is_found_on_its_line()
    {
        // The byte scan skips ASCII runs at once; line counting must stay exact across its 64 KiB buffers.
        var text = new StringBuilder("Employee ID;Name;Department\n");
        for (var i = 0; i < 5000; i++) text.Append('e').Append(i).Append(";Name ").Append(i).Append(";Vertrieb\n");
        var bytes = Encoding.ASCII.GetBytes(text.ToString()).Concat(new byte[] { (byte)'e', (byte)'x', (byte)';', 0xC3, 0x28, (byte)';', (byte)'V', (byte)'\n' })
            .Concat(Encoding.UTF8.GetBytes("ey;Jörg;Vertrieb\n")).ToArray();
        var load = HrExportReader.Read(new MemoryStream(bytes), "export.csv");
        var d = Assert.Single(load.Diagnostics, x => x.Severity == Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Error);
        Assert.Contains("line 5002: byte 0xC3", d.GetMessage(TestOrg.English));
        Assert.Equal(5002, d.Location.Span.StartLine);
    }

    [Theory]
    [InlineData(1000)]      // inside the first read
    [InlineData(70_000)]    // across the reader's buffers
    public void A_string_over_the_limit_is_stopped_at_its_start_also_when_it_spans_buffers(int before)
    {
        var options = new ReaderOptions { MaxStringLength = 100_000 };
        var json = "{ \"schemaVersion\": \"1.1\", \"organization\": { \"name\": \"" + new string('a', before) + "\" },\n  \"units\": [ { \"id\": \"" + new string('b', 100_001) + "\" } ] }";
        var load = OrganizationReader.Read(new StringReader(json), "big.json", options);
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.Equal(2, d.Location.Span.StartLine);
        Assert.Contains("a string is longer than 100,000 characters", d.GetMessage(TestOrg.English));
    }
}
