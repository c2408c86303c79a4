using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class LoneFighterRuleTests
{
    private const string Org = """
  "units": [
    { "id": "u-co", "kind": "company", "function": "management" },
    {|VT3010:{ "id": "u-sales", "name": "Sales", "kind": "division", "function": "sales", "parentId": "u-co" }|},
    { "id": "u-team", "kind": "team", "function": "sales", "parentId": "u-sales" },
    {|VT3010:{ "id": "u-kam", "name": "Key Accounts", "kind": "department", "function": "sales", "parentId": "u-sales" }|},
    { "id": "u-mkt", "kind": "department", "function": "marketing", "parentId": "u-co" },
    { "id": "u-ops", "kind": "group", "function": "sales", "parentId": "u-sales" }
  ],
  "roles": [
    { "id": "r-field", "function": "sales" },
    { "id": "r-head", "function": "management" },
    { "id": "r-editor", "function": "marketing" }
  ],
  "people": [
    { "id": "p1", "unitId": "u-co", "roleIds": ["r-field"] },
    { "id": "p2", "unitId": "u-sales", "roleIds": ["r-head", "r-field"] },
    { "id": "p3", "unitId": "u-sales", "roleIds": ["r-head"] },
    { "id": "p4", "unitId": "u-team", "roleIds": ["r-field"] },
    { "id": "p5", "unitId": "u-kam", "roleIds": ["r-field"] },
    { "id": "p6", "unitId": "u-kam", "roleIds": ["r-field", "r-editor"] },
    { "id": "p7", "unitId": "u-kam", "roleIds": ["r-field"] },
    { "id": "p8", "unitId": "u-mkt", "roleIds": ["r-field"] },
    { "id": "p9", "unitId": "u-ops", "roleIds": ["r-editor"] }
  ]
""";

    [Fact]
    public void Fires_once_per_sales_unit_that_is_no_team_with_the_count()
    {
        var ds = Markup.Verify(TestOrg.Doc(Org));
        var kam = Assert.Single(ds, d => d.Location.EntityId == "u-kam");
        Assert.Contains("Unit 'Key Accounts' (department) has 3 people in sales roles who belong to no team", kam.GetMessage(TestOrg.English));
        Assert.Contains("(Abteilung) hat 3 Personen in Vertriebsrollen", kam.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        var sales = Assert.Single(ds, d => d.Location.EntityId == "u-sales");
        Assert.Contains("has 1 person in sales roles who belongs to no team", sales.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Does_not_fire_on_teams_or_without_sales_roles()
    {
        var clean = Org.Replace("{|VT3010:", "").Replace("|}", "")
            .Replace("\"roleIds\": [\"r-head\", \"r-field\"]", "\"roleIds\": [\"r-head\"]")
            .Replace("\"kind\": \"department\", \"function\": \"sales\"", "\"kind\": \"team\", \"function\": \"sales\"");
        Markup.Verify(TestOrg.Doc(clean), "VT3010");
    }

    [Fact]
    public void Min_people_is_configurable()
    {
        var json = TestOrg.Doc(Org.Replace("{|VT3010:", "").Replace("|}", ""));
        var d = Assert.Single(TestOrg.Findings(json, "VT3010", new Dictionary<string, string> { ["VT3010.minPeople"] = "2" }));
        Assert.Equal("u-kam", d.Location.EntityId);
    }
}
