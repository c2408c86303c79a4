using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class ForecastControlRuleTests
{
    private static string Forecasts(string forecasts) => TestOrg.Doc(TestOrg.Structure + ",\n  \"forecasts\": [\n" + forecasts + "\n  ]");

    [Theory]
    [InlineData("\"control\"")]
    [InlineData("\"evaluation\"")]
    [InlineData("\"planning\", \"control\", \"evaluation\"")]
    public void Fires_on_forecasts_used_for_control(string uses)
    {
        var d = Assert.Single(Markup.Verify(Forecasts($$"""
    {|VT3005:{
      "id": "f", "name": "Commit", "granularity": "team", "cadence": "quarterly",
      "usedFor": [{{uses}}], "contributors": { "unitIds": ["u-sales"] }
    }|},
    { "id": "f-plan", "usedFor": ["planning"] }
""")));
        Assert.Contains("3 people contribute", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("\"planning\"")]
    [InlineData("")]
    public void Does_not_fire_on_planning_forecasts(string uses)
    {
        Markup.Verify(Forecasts($$"""    { "id": "f", "granularity": "person", "cadence": "weekly", "usedFor": [{{uses}}] }"""), "VT3005");
    }

    [Fact]
    public void Message_lists_the_uses_once_each()
    {
        var json = Forecasts("""    { "id": "f", "name": "Weekly commit", "usedFor": ["evaluation", "planning", "control", "evaluation"] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3005"));
        Assert.Contains("'Weekly commit' is used for evaluation of people and control;", d.GetMessage(TestOrg.English));
        Assert.Contains("verwendet für: Leistungsbeurteilung und Kontrolle;", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Uses_are_configurable()
    {
        var json = Forecasts("""    { "id": "f1", "usedFor": ["evaluation"] }, { "id": "f2", "usedFor": ["control"] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3005", new Dictionary<string, string> { ["VT3005.uses"] = "control" }));
        Assert.Equal("f2", d.Location.EntityId);
    }
}
