using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class UnclearDecisionOwnerRuleTests
{
    private static string Rights(string rights) => TestOrg.Doc(TestOrg.Structure + ",\n  \"decisionRights\": [\n" + rights + "\n  ]");

    [Fact]
    public void Fires_on_areas_with_no_owner_or_several_owners()
    {
        var ds = Markup.Verify(Rights("""
    {|VT1006:{ "id": "dr-none", "name": "Trade fairs", "area": "trade fairs", "ownerUnitIds": [] }|},
    {|VT1006:{ "id": "dr-two", "area": "campaigns", "ownerUnitIds": ["u-mkt", "u-sales"] }|},
    { "id": "dr-one", "area": "pricing", "ownerUnitIds": ["u-north"] },
    { "id": "dr-repeated", "area": "tools", "ownerUnitIds": ["u-north", "u-north"] }
"""));
        Assert.Contains("Decision area 'trade fairs' (decision right 'Trade fairs') has 0 owners", ds.Single(d => d.Location.EntityId == "dr-none").GetMessage(TestOrg.English));
        Assert.Contains("has 2 owners", ds.Single(d => d.Location.EntityId == "dr-two").GetMessage(TestOrg.English));
    }

    [Fact]
    public void MaxOwners_is_configurable()
    {
        var json = Rights("""    { "id": "dr", "area": "campaigns", "ownerUnitIds": ["u-mkt", "u-sales"] }, { "id": "dr0", "area": "x" }""");
        var ds = TestOrg.Findings(json, "VT1006", new Dictionary<string, string> { ["VT1006.maxOwners"] = "2" });
        Assert.Equal("dr0", Assert.Single(ds).Location.EntityId);
    }
}
