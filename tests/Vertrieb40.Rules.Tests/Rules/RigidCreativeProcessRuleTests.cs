using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class RigidCreativeProcessRuleTests
{
    private static string Processes(string processes) => TestOrg.Doc(TestOrg.Structure + ",\n  \"processes\": [\n" + processes + "\n  ]");

    [Theory]
    [InlineData("creative", 3)]
    [InlineData("complex", 14)]
    public void Fires_on_mandatory_step_by_step_process_for_creative_or_complex_work(string workType, int steps)
    {
        var d = Assert.Single(Markup.Verify(Processes($$"""
    {|VT2002:{ "id": "pr", "name": "Offer creation", "workType": "{{workType}}", "mandatory": true, "steps": {{steps}}, "automation": "none",
      "performedByUnitId": "u-sales" }|}
""")));
        Assert.Equal("/processes/0", d.Location.JsonPointer);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains($"({workType} work, performed by: u-sales) prescribes {steps} mandatory steps", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("creative", false, 10)]
    [InlineData("complex", true, 2)]
    [InlineData("complex", true, 0)]
    [InlineData("routine", true, 10)]
    public void Does_not_fire_on_optional_short_or_routine_processes(string workType, bool mandatory, int steps)
    {
        Markup.Verify(Processes($$"""    { "id": "pr", "workType": "{{workType}}", "mandatory": {{(mandatory ? "true" : "false")}}, "steps": {{steps}} }"""), "VT2002");
    }

    [Fact]
    public void Does_not_fire_when_mandatory_is_not_stated()
    {
        Markup.Verify(Processes("""    { "id": "pr", "workType": "creative", "steps": 8 }"""), "VT2002");
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("5", 0)]
    [InlineData("0", 3)]
    public void Minimum_steps_are_configurable(string minSteps, int expected)
    {
        var json = Processes("""
    { "id": "pr0", "workType": "creative", "mandatory": true, "steps": 0 },
    { "id": "pr2", "workType": "creative", "mandatory": true, "steps": 2 },
    { "id": "pr4", "workType": "complex", "mandatory": true, "steps": 4 }
""");
        Assert.Equal(expected, TestOrg.Findings(json, "VT2002", new Dictionary<string, string> { ["VT2002.minSteps"] = minSteps }).Count);
    }
}
