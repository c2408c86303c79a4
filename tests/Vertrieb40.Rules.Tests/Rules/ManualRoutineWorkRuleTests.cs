using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class ManualRoutineWorkRuleTests
{
    private static string Processes(string processes) => TestOrg.Doc(TestOrg.Structure + ",\n  \"processes\": [\n" + processes + "\n  ]");

    [Fact]
    public void Fires_on_routine_work_done_by_hand()
    {
        var d = Assert.Single(Markup.Verify(Processes("""
    {|VT2004:{ "id": "pr", "name": "Weekly report", "workType": "routine", "mandatory": true, "steps": 5, "automation": "none",
      "performedByUnitId": "u-north" }|},
    { "id": "pr2", "workType": "routine", "automation": "full" }
""")));
        Assert.Equal("/processes/0", d.Location.JsonPointer);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("Process 'Weekly report' (automation: none, performed by: u-north) is routine", d.GetMessage(TestOrg.English));
        Assert.Contains("Prozess „Weekly report“ (Automatisierung: keine, ausgeführt von: u-north) ist regelbasierte Routinearbeit",
            d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Automation_not_stated_is_not_assumed_manual()
    {
        // Issue 10: a routine process that does not say how far it is automated is not "done by hand".
        var result = TestOrg.Analyze(Processes("""    { "id": "pr", "workType": "routine" }"""));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "VT2004");
        Assert.Equal(Vertrieb40.Rules.Analysis.CoverageStatus.CouldNotCheck, result.Coverage.Single(c => c.RuleId == "VT2004").Status);
    }

    [Theory]
    [InlineData("routine", "partial")]
    [InlineData("routine", "full")]
    [InlineData("creative", "none")]
    [InlineData("complex", "none")]
    public void Does_not_fire_on_automated_or_non_routine_work(string workType, string automation)
    {
        Markup.Verify(Processes($$"""    { "id": "pr", "workType": "{{workType}}", "automation": "{{automation}}" }"""), "VT2004");
    }

    [Fact]
    public void Partly_automated_routine_work_fires_when_configured()
    {
        var json = Processes("""
    { "id": "pr-partial", "workType": "routine", "automation": "partial" },
    { "id": "pr-full", "workType": "routine", "automation": "full" }
""");
        var d = Assert.Single(TestOrg.Findings(json, "VT2004", new Dictionary<string, string> { ["VT2004.includePartial"] = "true" }));
        Assert.Equal("pr-partial", d.Location.EntityId);
        Assert.Contains("automation: partial", d.GetMessage(TestOrg.English));
    }
}
