using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class ControlMeetingRuleTests
{
    private static string Meetings(string meetings) => TestOrg.Doc(TestOrg.Structure + ",\n  \"meetings\": [\n" + meetings + "\n  ]");

    [Theory]
    [InlineData("statusReporting", "weekly")]
    [InlineData("pipelineReview", "daily")]
    [InlineData("forecastReview", "monthly")]
    public void Fires_on_recurring_control_meetings(string purpose, string cadence)
    {
        var d = Assert.Single(Markup.Verify(Meetings($$"""
    {|VT1010:{ "id": "m", "name": "Review", "purpose": "{{purpose}}", "cadence": "{{cadence}}", "attendees": { "unitIds": ["u-north"] } }|},
    { "id": "m2", "purpose": "coordination", "cadence": "{{cadence}}" }
""")));
        Assert.Contains("2 people", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("coordination", "weekly")]
    [InlineData("problemSolving", "weekly")]
    [InlineData("retrospective", "biweekly")]
    [InlineData("statusReporting", "once")]
    [InlineData("pipelineReview", "adHoc")]
    public void Does_not_fire_on_team_meetings_or_one_offs(string purpose, string cadence)
    {
        Markup.Verify(Meetings($$"""    { "id": "m", "purpose": "{{purpose}}", "cadence": "{{cadence}}" }"""), "VT1010");
    }

    [Fact]
    public void Purposes_are_configurable()
    {
        var json = Meetings("""    { "id": "m", "purpose": "planning", "cadence": "weekly" }, { "id": "m2", "purpose": "pipelineReview", "cadence": "weekly" }""");
        var ds = TestOrg.Findings(json, "VT1010", new Dictionary<string, string> { ["VT1010.purposes"] = "planning" });
        Assert.Equal("m", Assert.Single(ds).Location.EntityId);
    }
}
