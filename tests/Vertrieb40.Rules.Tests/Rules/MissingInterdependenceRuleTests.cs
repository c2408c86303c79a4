using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class MissingInterdependenceRuleTests
{
    private static string Org(string units, string targets) => TestOrg.Doc($$"""
"units": [
{{units}}
  ],
  "roles": [ { "id": "r-a" } ],
  "people": [
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a"] },
    { "id": "p2", "unitId": "u-t", "roleIds": ["r-a"] }
  ],
  "targets": [
{{targets}}
  ]
""");

    private const string Quota = """    { "id": "t-quota", "level": "individual", "appliesTo": { "unitIds": ["u-t"] } }""";

    [Fact]
    public void Fires_when_the_team_states_it_has_no_shared_goal()
    {
        var d = Assert.Single(Markup.Verify(Org("""    {|VT1004:{ "id": "u-t", "name": "North", "kind": "team", "sharedGoal": false }|}""", "")));
        Assert.Contains("Team 'North' (2 members) is a group rather than a team: the document states", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Fires_when_the_goal_is_not_stated_and_every_member_is_measured_alone()
    {
        var d = Assert.Single(Markup.Verify(Org("""    {|VT1004:{ "id": "u-t", "kind": "team" }|}""", Quota)));
        Assert.Contains("every member is measured by an individual target", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("""    { "id": "u-t", "kind": "team", "sharedGoal": true }""", Quota)]
    [InlineData("""    { "id": "u-t", "kind": "team" }""", "")]
    [InlineData("""    { "id": "u-t", "kind": "team" }""", """    { "id": "t-quota", "level": "individual", "appliesTo": { "personIds": ["p1"] } }""")]
    [InlineData("""    { "id": "u-t", "kind": "team" }""", Quota + """, { "id": "t-team", "level": "team", "appliesTo": { "unitIds": ["u-t"] } }""")]
    [InlineData("""    { "id": "u-t", "kind": "team" }""", Quota + """, { "id": "t-unit", "level": "unit", "appliesTo": { "everyone": true } }""")]
    [InlineData("""    { "id": "u-t", "kind": "department", "sharedGoal": false }""", Quota)]
    public void Does_not_fire_on_shared_goals_partial_individual_targets_or_non_teams(string units, string targets)
    {
        Markup.Verify(Org(units, targets), "VT1004");
    }

    [Fact]
    public void Does_not_fire_on_an_empty_team_whose_goal_is_not_stated()
    {
        var json = TestOrg.Doc("""
"units": [ { "id": "u-t", "kind": "team" } ],
  "targets": [ { "id": "t", "level": "individual", "appliesTo": { "everyone": true } } ]
""");
        Assert.Empty(TestOrg.Findings(json, "VT1004"));
    }
}
