using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class MandatedToolRolloutRuleTests
{
    private static string Rollouts(string rollouts) => TestOrg.Doc(TestOrg.Structure + ",\n  \"toolRollouts\": [\n" + rollouts + "\n  ]");

    [Fact]
    public void Fires_on_a_tool_mandated_as_a_project_with_units_and_people()
    {
        var d = Assert.Single(Markup.Verify(Rollouts("""
    {|VT2001:{ "id": "tr", "name": "CRM introduction", "tool": "CRM suite", "mode": "mandatedProject", "mandatedByUnitId": "u-co",
      "usedByUnitIds": ["u-sales", "u-north", "u-mkt"] }|}
""")));
        Assert.Equal("/toolRollouts/0", d.Location.JsonPointer);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Info, d.Severity);
        var message = d.GetMessage(TestOrg.English);
        // u-north lies inside u-sales: its people are counted once (3 in sales + 1 in marketing).
        Assert.Contains("tool: CRM suite, mandated by: u-co", message);
        Assert.Contains("on 3 units with 4 people", message);
    }

    [Fact]
    public void Unknown_tool_and_mandating_unit_read_as_unspecified()
    {
        var d = Assert.Single(Markup.Verify(Rollouts("""    {|VT2001:{ "id": "tr", "mode": "mandatedProject" }|}""")));
        Assert.Contains("tool: unspecified, mandated by: unspecified) imposes a tool as a project on 0 units with 0 people", d.GetMessage(TestOrg.English));
        Assert.Contains("Werkzeug: nicht angegeben", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("teamChoice")]
    [InlineData("pilot")]
    public void Does_not_fire_on_a_team_choice_or_a_pilot(string mode)
    {
        Markup.Verify(Rollouts($$"""    { "id": "tr", "tool": "Board", "mode": "{{mode}}", "mandatedByUnitId": "u-co", "usedByUnitIds": ["u-north"] }"""), "VT2001");
    }

    [Fact]
    public void One_diagnostic_per_rollout()
    {
        var json = Rollouts("""
    { "id": "tr1", "mode": "mandatedProject", "usedByUnitIds": ["u-north"] },
    { "id": "tr2", "mode": "teamChoice", "usedByUnitIds": ["u-south"] },
    { "id": "tr3", "mode": "mandatedProject", "usedByUnitIds": ["u-south"] }
""");
        Assert.Equal(["tr1", "tr3"], TestOrg.Findings(json, "VT2001").Select(d => d.Location.EntityId!).ToArray());
    }
}
