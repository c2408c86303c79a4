using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SplitFunnelRuleTests
{
    private static string Offerings(string offerings) => TestOrg.Doc(TestOrg.Structure + ",\n  \"offerings\": [\n" + offerings + "\n  ]");

    [Fact]
    public void Fires_on_an_offering_whose_funnel_is_carried_by_several_units()
    {
        var d = Assert.Single(Markup.Verify(Offerings("""
    {|VT1003:{ "id": "o", "name": "Machines", "funnel": [
      { "stage": "awareness", "unitId": "u-mkt" },
      { "stage": "interest", "unitId": "u-mkt" },
      { "stage": "purchase", "unitId": "u-north" }
    ] }|}
""")));
        Assert.Contains("offering 'Machines' (3 steps) is split by function across 2 units", d.GetMessage(TestOrg.English));
        Assert.Contains("Der Sales-Funnel des Angebots „Machines“ (3 Schritte) ist nach Funktionen auf 2 Einheiten aufgeteilt", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Does_not_fire_on_a_cross_functional_team_and_its_own_sub_team()
    {
        var json = TestOrg.Doc("""
  "units": [
    { "id": "u-x", "kind": "team", "function": "crossFunctional" },
    { "id": "u-x-mkt", "kind": "team", "function": "marketing", "parentId": "u-x" }
  ],
  "offerings": [ { "id": "o", "funnel": [ { "stage": "awareness", "unitId": "u-x-mkt" }, { "stage": "purchase", "unitId": "u-x" } ] } ]
""");
        Markup.Verify(json, "VT1003");
    }

    [Fact]
    public void Does_not_fire_on_units_of_one_function()
    {
        // Two sales teams share the funnel's steps: no functional split of the funnel (article L102).
        Markup.Verify(Offerings("""    { "id": "o", "funnel": [ { "stage": "consideration", "unitId": "u-south" }, { "stage": "purchase", "unitId": "u-north" } ] }"""), "VT1003");
    }

    [Fact]
    public void Does_not_fire_when_one_team_carries_the_whole_funnel_or_the_funnel_is_empty()
    {
        Markup.Verify(Offerings("""
    { "id": "o1", "funnel": [ { "stage": "awareness", "unitId": "u-north" }, { "stage": "purchase", "unitId": "u-north" } ] },
    { "id": "o2", "funnel": [] }
"""), "VT1003");
    }

    [Fact]
    public void MinUnits_is_configurable()
    {
        var json = Offerings("""    { "id": "o", "funnel": [ { "stage": "awareness", "unitId": "u-mkt" }, { "stage": "purchase", "unitId": "u-north" } ] }""");
        Assert.Single(TestOrg.Findings(json, "VT1003"));
        Assert.Empty(TestOrg.Findings(json, "VT1003", new Dictionary<string, string> { ["VT1003.minUnits"] = "3" }));
    }
}
