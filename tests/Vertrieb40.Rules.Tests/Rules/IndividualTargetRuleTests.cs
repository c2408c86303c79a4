using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class IndividualTargetRuleTests
{
    private static string Targets(string targets) => TestOrg.Doc(TestOrg.Structure + ",\n  \"targets\": [\n" + targets + "\n  ]");

    [Fact]
    public void Fires_on_individual_target_with_reach()
    {
        var d = Assert.Single(Markup.Verify(Targets("""    {|VT1009:{ "id": "t", "name": "Quota", "level": "individual", "metric": "revenue", "period": "quarter", "appliesTo": { "unitIds": ["u-sales"], "roleIds": ["r-field"] } }|}""")));
        Assert.Equal("/targets/0", d.Location.JsonPointer);
        Assert.Contains("for 2 people", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("team")]
    [InlineData("unit")]
    [InlineData("company")]
    public void Does_not_fire_on_shared_targets(string level)
    {
        Markup.Verify(Targets($$"""    { "id": "t", "level": "{{level}}", "metric": "revenue", "appliesTo": { "everyone": true } }"""), "VT1009");
    }
}
