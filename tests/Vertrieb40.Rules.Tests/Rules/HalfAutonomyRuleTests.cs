using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class HalfAutonomyRuleTests
{
    private static string Units(string teamAutonomy) => TestOrg.Doc($$"""
  "units": [
    { "id": "u-co", "kind": "company", "function": "management" },
    {|VT3004:{ "id": "u-team", "name": "Team North", "kind": "team", "function": "sales", "parentId": "u-co", "autonomy": {{teamAutonomy}} }|},
    { "id": "u-free", "kind": "team", "function": "sales", "parentId": "u-co", "autonomy": { "how": true, "what": true, "when": true, "withWhom": true } }
  ],
  "people": [
    { "id": "p1", "unitId": "u-team" }, { "id": "p2", "unitId": "u-team" }, { "id": "p3", "unitId": "u-free" }
  ]
""");

    private static string Unmarked(string teamAutonomy) => Units(teamAutonomy).Replace("{|VT3004:", "").Replace("|}", "");

    [Theory]
    [InlineData("""{ "how": true, "what": false, "when": false, "withWhom": false }""")]
    [InlineData("""{ "how": true, "what": false, "when": true, "withWhom": true }""")]
    [InlineData("""{ "how": true, "when": false }""")]
    [InlineData("""{ "how": true, "what": true, "when": true, "withWhom": false }""")]
    [InlineData("""{ "how": false, "what": false, "when": false, "withWhom": false }""")] // no autonomy at all: the worst case (L292)
    [InlineData("""{ "how": false, "what": true, "when": true, "withWhom": true }""")] // "how: false" is a withheld freedom too
    [InlineData("""{ "what": false }""")]
    public void Fires_on_every_withheld_freedom(string autonomy)
    {
        var d = Assert.Single(Markup.Verify(Units(autonomy)));
        Assert.Equal("/units/1", d.Location.JsonPointer);
        Assert.Contains("'Team North' (2 people) may not decide ", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("""{ "how": true, "what": true, "when": true, "withWhom": true }""")]
    [InlineData("""{ "how": true }""")] // the rest is unknown, not withheld
    [InlineData("""{ }""")]
    public void Does_not_fire_when_nothing_is_withheld_or_it_is_unknown(string autonomy)
    {
        Markup.Verify(Unmarked(autonomy), "VT3004");
    }

    [Fact]
    public void The_worst_case_is_reported_with_every_freedom_in_both_languages()
    {
        var d = Assert.Single(TestOrg.Findings(Unmarked("""{ "how": false, "what": false, "when": false, "withWhom": false }"""), "VT3004"));
        Assert.Contains("may not decide how it works, which problem it takes on, when and for how long or with whom.", d.GetMessage(TestOrg.English));
        Assert.Contains("Einheit „Team North“ (2 Personen) darf nicht entscheiden, wie sie arbeitet, an welchem Problem sie arbeitet, wann und wie lange oder mit wem.",
            d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Message_lists_what_is_withheld_and_agrees_with_one_person()
    {
        var json = TestOrg.Doc("""
  "units": [ { "id": "u-team", "name": "Solo", "kind": "team", "autonomy": { "how": true, "what": false, "withWhom": false } } ],
  "people": [ { "id": "p1", "unitId": "u-team" } ]
""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3004"));
        Assert.Contains("'Solo' (1 person) may not decide which problem it takes on or with whom.", d.GetMessage(TestOrg.English));
        Assert.Contains("„Solo“ (1 Person) darf nicht entscheiden, an welchem Problem sie arbeitet oder mit wem.", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Dimensions_are_configurable()
    {
        var json = Unmarked("""{ "how": true, "what": true, "when": false, "withWhom": true }""");
        Assert.Empty(TestOrg.Findings(json, "VT3004", new Dictionary<string, string> { ["VT3004.dimensions"] = "what, withWhom" }));
        Assert.Single(TestOrg.Findings(json, "VT3004", new Dictionary<string, string> { ["VT3004.dimensions"] = "WHEN" }));
    }

    private static string WorkSelection(string owners, string area = "Work selection") => TestOrg.Doc(TestOrg.Structure + $$"""
,
  "decisionRights": [ { "id": "dr", "name": "Who works on what", "area": "{{area}}", "ownerUnitIds": {{owners}} } ]
""");

    [Fact]
    public void Work_selection_owned_above_the_teams_withholds_autonomy_without_an_autonomy_block()
    {
        var d = Assert.Single(TestOrg.Findings(WorkSelection("""["u-sales"]"""), "VT3004"));
        Assert.Equal("dr", d.Location.EntityId);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("gives the choice of work ('Work selection') to 'u-sales', not to the 2 teams below (3 people)", d.GetMessage(TestOrg.English));
        Assert.Contains("nicht bei den 2 Teams darunter (3 Personen)", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("""["u-north"]""", "Work selection")] // the team chooses its own work: the article's end state
    [InlineData("""["u-sales", "u-north"]""", "Aufgabenverteilung")] // a team among the owners
    [InlineData("""["u-mkt"]""", "work selection")] // no team below the owner
    [InlineData("""["u-sales"]""", "pricing")] // not the choice of work
    [InlineData("""[]""", "work selection")]
    public void Work_selection_is_not_reported_when_the_teams_choose_or_there_is_no_team_below(string owners, string area)
    {
        Assert.Empty(TestOrg.Findings(WorkSelection(owners, area), "VT3004"));
    }

    [Fact]
    public void Moving_the_choice_of_work_to_the_team_satisfies_the_principle()
    {
        // After the remedy the team owns its work selection and says so: no VT3004, and no other finding about it.
        var json = TestOrg.Doc(TestOrg.Structure.Replace("""{ "id": "u-north", "kind": "team", "function": "sales", "parentId": "u-sales" }""",
            """{ "id": "u-north", "kind": "team", "function": "sales", "parentId": "u-sales", "autonomy": { "how": true, "what": true, "when": true, "withWhom": true } }""") + """
,
  "decisionRights": [ { "id": "dr", "area": "work selection", "ownerUnitIds": ["u-north"] } ]
""");
        Assert.Empty(TestOrg.Findings(json, "VT3004"));
        Assert.Empty(TestOrg.Findings(json, "VT1005"));
        Assert.Empty(TestOrg.Findings(json, "VT1006"));
    }
}
