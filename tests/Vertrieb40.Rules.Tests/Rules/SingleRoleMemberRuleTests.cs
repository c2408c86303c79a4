using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SingleRoleMemberRuleTests
{
    private const string Roles = """
  "roles": [
    { "id": "r-a", "function": "sales" }, { "id": "r-b", "function": "marketing" }, { "id": "r-c", "function": "support" }
  ]
""";

    private static string Org(string units, string people)
        => TestOrg.Doc("\"units\": [\n" + units + "\n  ],\n" + Roles + ",\n  \"people\": [\n" + people + "\n  ]");

    [Fact]
    public void Fires_once_per_team_with_the_count_of_single_role_members()
    {
        var ds = Markup.Verify(Org("""
    { "id": "u-co", "kind": "company" },
    {|VT1001:{ "id": "u-t", "name": "Team A", "kind": "team", "parentId": "u-co" }|}
""", """
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a"] },
    { "id": "p2", "unitId": "u-t", "roleIds": [] },
    { "id": "p3", "unitId": "u-t", "roleIds": ["r-a", "r-b"] }
"""));
        var message = Assert.Single(ds).GetMessage(TestOrg.English);
        Assert.Contains("2 of 3 members hold fewer than 2 roles", message);
        Assert.DoesNotContain("p1", message);
    }

    [Fact]
    public void Does_not_fire_when_every_member_holds_two_roles_or_on_units_that_are_not_teams()
    {
        Markup.Verify(Org("""
    { "id": "u-co", "kind": "company" },
    { "id": "u-t", "kind": "team", "parentId": "u-co" },
    { "id": "u-d", "kind": "department", "parentId": "u-co" }
""", """
    { "id": "p0", "unitId": "u-co", "roleIds": ["r-a"] },
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a", "r-b"] },
    { "id": "p2", "unitId": "u-t", "roleIds": ["r-b", "r-c"] },
    { "id": "p3", "unitId": "u-d", "roleIds": ["r-c"] }
"""), "VT1001");
    }

    [Fact]
    public void A_role_listed_twice_counts_once_and_members_of_sub_units_are_not_counted()
    {
        Markup.Verify(Org("""
    {|VT1001:{ "id": "u-t", "kind": "team" }|},
    { "id": "u-sub", "kind": "team", "parentId": "u-t" }
""", """
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a", "r-a"] },
    { "id": "p2", "unitId": "u-sub", "roleIds": ["r-a", "r-b"] }
"""));
    }

    [Fact]
    public void MinRoles_is_configurable()
    {
        var json = Org("""    { "id": "u-t", "kind": "team" }""", """    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a", "r-b"] }""");
        Assert.Empty(TestOrg.Findings(json, "VT1001"));
        var d = Assert.Single(TestOrg.Findings(json, "VT1001", new Dictionary<string, string> { ["VT1001.minRoles"] = "3" }));
        Assert.Contains("1 of 1 member holds fewer than 3 roles", d.GetMessage(TestOrg.English));
    }
}
