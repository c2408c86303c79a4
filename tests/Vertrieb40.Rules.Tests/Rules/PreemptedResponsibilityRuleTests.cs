using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class PreemptedResponsibilityRuleTests
{
    private const string Policies = """
  "approvalPolicies": [
    { "id": "ap-controlling", "subject": "discount", "ownerUnitId": "u-mkt" },
    { "id": "ap-own", "subject": "offer", "ownerUnitId": "u-north" },
    { "id": "ap-anonymous", "subject": "price" }
  ]
""";

    private static string Rights(string rights)
        => TestOrg.Doc(TestOrg.Structure + ",\n" + Policies + ",\n  \"decisionRights\": [\n" + rights + "\n  ]");

    [Fact]
    public void Fires_when_decisions_need_approval_from_outside_the_owners()
    {
        var d = Assert.Single(Markup.Verify(Rights("""
    {|VT1005:{ "id": "dr", "name": "Prices", "area": "pricing", "ownerUnitIds": ["u-north"], "requiresApprovalFromUnitIds": ["u-sales"] }|}
""")));
        Assert.Contains("approving units outside: 1; policies written outside: 0", d.GetMessage(TestOrg.English));
        Assert.Equal("u-sales", Assert.Single(d.AdditionalLocations).EntityId);
    }

    [Fact]
    public void Fires_when_decisions_are_governed_by_a_policy_written_outside_the_owners()
    {
        var d = Assert.Single(Markup.Verify(Rights("""
    {|VT1005:{ "id": "dr", "area": "discounts", "ownerUnitIds": ["u-sales"], "governedByPolicyIds": ["ap-controlling", "ap-own"] }|}
""")));
        Assert.Contains("approving units outside: 0; policies written outside: 1", d.GetMessage(TestOrg.English));
        Assert.Equal("ap-controlling", Assert.Single(d.AdditionalLocations).EntityId);
    }

    [Fact]
    public void Does_not_fire_when_approvals_and_policies_come_from_inside_the_owners_or_there_is_no_owner()
    {
        Markup.Verify(Rights("""
    { "id": "dr1", "area": "a", "ownerUnitIds": ["u-sales"], "requiresApprovalFromUnitIds": ["u-north", "u-sales"], "governedByPolicyIds": ["ap-own", "ap-anonymous"] },
    { "id": "dr2", "area": "b", "ownerUnitIds": ["u-north", "u-mkt"], "requiresApprovalFromUnitIds": ["u-mkt"], "governedByPolicyIds": ["ap-controlling"] },
    { "id": "dr3", "area": "c", "ownerUnitIds": [], "requiresApprovalFromUnitIds": ["u-co"] },
    { "id": "dr4", "area": "d", "ownerUnitIds": ["u-north"] }
"""), "VT1005");
    }
}
