using System.Globalization;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class PlanningOrgyRuleTests
{
    private static string Forecasts(string forecasts) => TestOrg.Doc(TestOrg.Structure + ",\n  \"forecasts\": [\n" + forecasts + "\n  ]");

    [Theory]
    [InlineData("person", "quarterly")]
    [InlineData("person", "once")]
    [InlineData("company", "weekly")]
    [InlineData("deal", "daily")]
    public void Fires_on_forecasts_per_person_or_weekly_or_more_often(string granularity, string cadence)
    {
        Assert.Single(Markup.Verify(Forecasts($$"""
    {|VT1008:{ "id": "f", "name": "Commit", "granularity": "{{granularity}}", "cadence": "{{cadence}}", "contributors": { "unitIds": ["u-sales"] } }|}
""")));
    }

    [Theory]
    [InlineData("team", "biweekly")]
    [InlineData("company", "quarterly")]
    [InlineData("deal", "monthly")]
    [InlineData("unit", "adHoc")]
    [InlineData("unit", "once")]
    public void Does_not_fire_on_coarse_and_rare_forecasts(string granularity, string cadence)
    {
        Markup.Verify(Forecasts($$"""    { "id": "f", "granularity": "{{granularity}}", "cadence": "{{cadence}}" }"""), "VT1008");
    }

    [Fact]
    public void Message_counts_contributors_in_English_and_German()
    {
        var json = Forecasts("""    { "id": "f", "name": "Commit", "granularity": "person", "cadence": "weekly", "contributors": { "unitIds": ["u-sales"] } }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT1008"));
        Assert.Contains("Forecast 'Commit' (per person, weekly) must be produced by 3 people", d.GetMessage(TestOrg.English));
        Assert.Contains("Forecast „Commit“ (pro Person, wöchentlich) muss von 3 Personen erstellt werden", d.GetMessage(CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Granularities_and_maxCadence_are_configurable()
    {
        var json = Forecasts("""
    { "id": "f-deal", "granularity": "deal", "cadence": "quarterly" },
    { "id": "f-monthly", "granularity": "company", "cadence": "monthly" },
    { "id": "f-person", "granularity": "person", "cadence": "yearly" }
""");
        Assert.Equal("f-person", Assert.Single(TestOrg.Findings(json, "VT1008")).Location.EntityId);
        Assert.Equal(new[] { "f-deal" }, TestOrg.Findings(json, "VT1008", new Dictionary<string, string> { ["VT1008.granularities"] = "deal" }).Select(d => d.Location.EntityId));
        Assert.Equal(new[] { "f-monthly", "f-person" }, TestOrg.Findings(json, "VT1008", new Dictionary<string, string> { ["VT1008.maxCadence"] = "monthly" }).Select(d => d.Location.EntityId).Order());
    }
}
