using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SystematisedRecognitionRuleTests
{
    private static string Programs(string programs) => TestOrg.Doc(TestOrg.Structure + ",\n  \"recognitionPrograms\": [\n" + programs + "\n  ]");

    [Theory]
    [InlineData("employeeOfTheMonth")]
    [InlineData("formalPraise")]
    [InlineData("performanceRating")]
    [InlineData("rating360")]
    [InlineData("peerThanks")] // article L304: recognition made a task of all colleagues is the same mistake
    public void Fires_on_systematised_recognition(string kind)
    {
        var d = Assert.Single(Markup.Verify(Programs($$"""
    {|VT3002:{ "id": "rp", "name": "Programme", "kind": "{{kind}}", "participants": { "everyone": true } }|}
""")));
        Assert.Equal("/recognitionPrograms/0", d.Location.JsonPointer);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("for 5 people", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("leaderboard")] // VT3009's business, not reported twice
    [InlineData("contest")]
    public void Does_not_fire_on_rankings_of_people(string kind)
    {
        Markup.Verify(Programs($$"""    { "id": "rp", "kind": "{{kind}}", "participants": { "everyone": true } }"""), "VT3002");
    }

    [Theory]
    [InlineData("leaderboard", "team")]
    [InlineData("contest", "unit")]
    public void Fires_on_rankings_of_teams_which_VT3009_leaves_out(string kind, string level)
    {
        var d = Assert.Single(Markup.Verify(Programs($$"""    {|VT3002:{ "id": "rp", "kind": "{{kind}}", "level": "{{level}}", "participants": { "everyone": true } }|}""")));
        Assert.DoesNotContain("against each other", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Remedy_no_longer_points_to_recognition_by_colleagues()
    {
        var d = Assert.Single(TestOrg.Findings(Programs("""    { "id": "rp", "kind": "formalPraise", "participants": { "everyone": true } }"""), "VT3002"));
        var english = d.GetMessage(TestOrg.English);
        Assert.DoesNotContain("from colleagues", english);
        Assert.Contains("End the programme", english);
    }

    [Fact]
    public void Kinds_are_configurable()
    {
        var json = Programs("""    { "id": "rp1", "kind": "employeeOfTheMonth" }, { "id": "rp2", "kind": "rating360" }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3002", new Dictionary<string, string> { ["VT3002.kinds"] = "rating360" }));
        Assert.Equal("rp2", d.Location.EntityId);
    }

    [Fact]
    public void German_message_names_the_kind()
    {
        var json = Programs("""    { "id": "rp", "name": "MdM", "kind": "employeeOfTheMonth", "participants": { "unitIds": ["u-north"] } }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3002"));
        var german = d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de"));
        Assert.Contains("Mitarbeitende des Monats", german);
        Assert.Contains("„MdM“", german);
        Assert.Contains("für 2 Personen", german);
    }
}
