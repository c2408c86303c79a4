using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class AutomatedCreativeWorkRuleTests
{
    private static string Processes(string processes) => TestOrg.Doc(TestOrg.Structure + ",\n  \"processes\": [\n" + processes + "\n  ]");

    [Theory]
    [InlineData("creative", "full")]
    [InlineData("complex", "partial")] // AI assistance included (article L219)
    public void Fires_on_work_that_needs_ideas_handed_to_software(string workType, string automation)
    {
        var d = Assert.Single(Markup.Verify(Processes($$"""
    {|VT2007:{ "id": "pr", "name": "Offer texts by AI", "workType": "{{workType}}", "automation": "{{automation}}", "performedByUnitId": "u-north" }|}
""")));
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("Process 'Offer texts by AI' (" + workType + " work, automation: " + automation + ", performed by: u-north) hands work that needs ideas to software", d.GetMessage(TestOrg.English));
        Assert.Contains("Prozess „Offer texts by AI“", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("creative", "none")]
    [InlineData("routine", "full")] // automated routine work is what the article asks for
    [InlineData("routine", "partial")]
    public void Does_not_fire_on_people_doing_creative_work_or_on_automated_routine(string workType, string automation)
    {
        Markup.Verify(Processes($$"""    { "id": "pr", "workType": "{{workType}}", "automation": "{{automation}}" }"""), "VT2007");
    }

    [Fact]
    public void Partial_automation_can_be_left_out_and_taking_the_work_back_satisfies_the_principle()
    {
        var partial = Processes("""    { "id": "pr", "workType": "creative", "automation": "partial" }""");
        Assert.Empty(TestOrg.Findings(partial, "VT2007", new Dictionary<string, string> { ["VT2007.includePartial"] = "false" }));
        // After the remedy the people solve the problem themselves: no VT2007, and no VT2002 either (no mandatory steps).
        var after = Processes("""    { "id": "pr", "workType": "creative", "automation": "none", "mandatory": false }""");
        Assert.Empty(TestOrg.Findings(after, "VT2007"));
        Assert.Empty(TestOrg.Findings(after, "VT2002"));
    }
}
