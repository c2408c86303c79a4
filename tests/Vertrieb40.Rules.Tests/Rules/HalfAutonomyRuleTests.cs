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
    public void Fires_when_only_how_is_free(string autonomy)
    {
        var d = Assert.Single(Markup.Verify(Units(autonomy)));
        Assert.Equal("/units/1", d.Location.JsonPointer);
        Assert.Contains("'Team North' (2 people) may decide how to work", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("""{ "how": true, "what": true, "when": true, "withWhom": true }""")]
    [InlineData("""{ "how": true }""")] // the rest is unknown, not assigned
    [InlineData("""{ "how": false, "what": false, "when": false, "withWhom": false }""")] // no autonomy at all: not "half"
    [InlineData("""{ "what": false }""")]
    [InlineData("""{ }""")]
    public void Does_not_fire_without_half_autonomy(string autonomy)
    {
        Markup.Verify(Unmarked(autonomy), "VT3004");
    }

    [Fact]
    public void Message_lists_what_is_assigned_in_both_languages()
    {
        var d = Assert.Single(TestOrg.Findings(Unmarked("""{ "how": true, "what": false, "when": true, "withWhom": false }"""), "VT3004"));
        Assert.Contains("but not which problem or with whom.", d.GetMessage(TestOrg.English));
        Assert.Contains("aber nicht an welchem Problem oder mit wem.", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Dimensions_are_configurable()
    {
        var json = Unmarked("""{ "how": true, "what": true, "when": false, "withWhom": true }""");
        Assert.Empty(TestOrg.Findings(json, "VT3004", new Dictionary<string, string> { ["VT3004.dimensions"] = "what, withWhom" }));
        Assert.Single(TestOrg.Findings(json, "VT3004", new Dictionary<string, string> { ["VT3004.dimensions"] = "WHEN" }));
    }
}
