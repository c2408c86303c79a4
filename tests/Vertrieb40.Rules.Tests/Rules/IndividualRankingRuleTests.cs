using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class IndividualRankingRuleTests
{
    private static string Programs(string programs) => TestOrg.Doc(TestOrg.Structure + ",\n  \"recognitionPrograms\": [\n" + programs + "\n  ]");

    [Theory]
    [InlineData("ranking")]
    [InlineData("leaderboard")]
    [InlineData("contest")]
    [InlineData("topSellerAward")]
    public void Fires_on_rankings_and_contests(string kind)
    {
        var d = Assert.Single(Markup.Verify(Programs($$"""
    { "id": "rp-thanks", "kind": "peerThanks" },
    {|VT3009:{
      "id": "rp", "name": "Board", "kind": "{{kind}}",
      "participants": { "unitIds": ["u-sales"] }
    }|}
""")));
        Assert.Equal("/recognitionPrograms/1", d.Location.JsonPointer);
        Assert.Contains("ranks 3 people", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("peerThanks")]
    [InlineData("employeeOfTheMonth")]
    [InlineData("rating360")]
    public void Does_not_fire_on_other_programmes(string kind)
    {
        Markup.Verify(Programs($$"""    { "id": "rp", "kind": "{{kind}}" }"""), "VT3009");
    }

    [Fact]
    public void One_diagnostic_per_programme_however_many_take_part()
    {
        var json = Programs("""    { "id": "rp", "kind": "contest", "participants": { "everyone": true } }""");
        Assert.Single(TestOrg.Findings(json, "VT3009"));
    }

    [Fact]
    public void Kinds_are_configurable()
    {
        var json = Programs("""    { "id": "rp1", "kind": "contest" }, { "id": "rp2", "kind": "topSellerAward" }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3009", new Dictionary<string, string> { ["VT3009.kinds"] = "topSellerAward" }));
        Assert.Equal("rp2", d.Location.EntityId);
    }

    [Theory]
    [InlineData("team")]
    [InlineData("unit")]
    public void Does_not_claim_that_a_team_leaderboard_ranks_people(string level)
    {
        // A leaderboard of teams sets no person against another; it is systematised recognition (VT3002).
        var json = Programs($$"""    { "id": "rp", "kind": "leaderboard", "level": "{{level}}", "participants": { "unitIds": ["u-sales"] } }""");
        Assert.Empty(TestOrg.Findings(json, "VT3009"));
        Assert.Single(TestOrg.Findings(json, "VT3002"));
    }

    [Fact]
    public void Message_agrees_with_the_count_in_German()
    {
        var json = Programs("""    { "id": "rp", "name": "Top-Verkäufer", "kind": "contest", "participants": { "unitIds": ["u-sales"] } }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3009"));
        Assert.Contains("Programm „Top-Verkäufer“ (Verkaufswettbewerb) stellt 3 Personen in einer Rangfolge gegeneinander", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }
}
