using System.Globalization;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SingleHolderRoleRuleTests
{
    private const string Roles = """
  "roles": [
    { "id": "r-a", "name": "Field sales", "function": "sales" }, { "id": "r-b", "name": "Webinar host", "function": "marketing" }, { "id": "r-c", "function": "support" }
  ]
""";

    private static string Org(string units, string people)
        => TestOrg.Doc("\"units\": [\n" + units + "\n  ],\n" + Roles + ",\n  \"people\": [\n" + people + "\n  ]");

    [Fact]
    public void Fires_per_team_and_role_with_the_role_as_additional_location_and_properties()
    {
        var ds = Markup.Verify(Org("""
    {|VT1002:{|VT1002:{ "id": "u-t", "name": "Team A", "kind": "team" }|}|}
""", """
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a", "r-b"] },
    { "id": "p2", "unitId": "u-t", "roleIds": ["r-a", "r-c"] },
    { "id": "p3", "unitId": "u-t", "roleIds": ["r-a"] }
"""));
        Assert.Equal(2, ds.Count);
        var b = Assert.Single(ds, d => d.Properties["roleId"] == "r-b");
        Assert.Equal("u-t", b.Properties["unitId"]);
        var related = Assert.Single(b.AdditionalLocations);
        Assert.Equal("/roles/1", related.JsonPointer);
        Assert.Equal("r-b", related.EntityId);
        Assert.Contains("role 'Webinar host' is held by 1 of 3 members (fewer than 2)", b.GetMessage(TestOrg.English));
        Assert.Single(ds, d => d.Properties["roleId"] == "r-c");
    }

    [Fact]
    public void Message_is_available_in_German()
    {
        var json = Org("""    { "id": "u-t", "name": "Team A", "kind": "team" }""", """    { "id": "p1", "unitId": "u-t", "roleIds": ["r-b"] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT1002"));
        var german = d.GetMessage(CultureInfo.GetCultureInfo("de"));
        Assert.Contains("Im Team „Team A“ hat 1 von 1 Mitglied die Rolle „Webinar host“ inne", german);
        Assert.Equal("Teamrolle mit nur einer Person", d.Descriptor.Title.ToString(CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Does_not_fire_when_every_role_has_two_holders_or_outside_teams()
    {
        Markup.Verify(Org("""
    { "id": "u-co", "kind": "company" },
    { "id": "u-t", "kind": "team", "parentId": "u-co" },
    { "id": "u-sub", "kind": "team", "parentId": "u-t" }
""", """
    { "id": "p0", "unitId": "u-co", "roleIds": ["r-c"] },
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a", "r-b"] },
    { "id": "p2", "unitId": "u-t", "roleIds": ["r-a", "r-b", "r-b"] },
    { "id": "p3", "unitId": "u-sub", "roleIds": ["r-a"] },
    { "id": "p4", "unitId": "u-sub", "roleIds": ["r-a"] }
"""), "VT1002");
    }

    [Fact]
    public void MinHolders_is_configurable()
    {
        var json = Org("""    { "id": "u-t", "kind": "team" }""", """
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a"] },
    { "id": "p2", "unitId": "u-t", "roleIds": ["r-a"] }
""");
        Assert.Empty(TestOrg.Findings(json, "VT1002"));
        Assert.Single(TestOrg.Findings(json, "VT1002", new Dictionary<string, string> { ["VT1002.minHolders"] = "3" }));
    }

    [Fact]
    public void A_leadership_role_gets_no_second_lead_neither_in_the_message_nor_as_a_fix()
    {
        // Article L40: leadership is to be detached from persons, not doubled.
        var json = TestOrg.Doc("""
  "units": [ { "id": "u-t", "name": "Inside Sales", "kind": "team" } ],
  "roles": [ { "id": "r-a", "function": "sales" }, { "id": "r-team-lead", "name": "Sales team lead", "function": "sales" } ],
  "people": [
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a", "r-team-lead"] },
    { "id": "p2", "unitId": "u-t", "roleIds": ["r-a"] }
  ]
""");
        var d = Assert.Single(TestOrg.Findings(json, "VT1002"));
        var english = d.GetMessage(TestOrg.English);
        Assert.Contains("a second lead is not the answer", english);
        Assert.DoesNotContain("Let another member of the team learn and take on the role", english);
        Assert.Contains("Führung von Personen lösen", d.GetMessage(CultureInfo.GetCultureInfo("de")));
        Assert.Equal("true", d.Properties["leadership"]);
        var fixedResult = Vertrieb40.Rules.Fixes.OrganizationFixer.Fix(json, "org.json", ruleIds: new[] { "VT1002" });
        Assert.False(fixedResult.Changed);
    }
}
