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
        Assert.Contains("pre-empted by others than their owners: 1 approving unit and 0 policies written elsewhere. Rules", d.GetMessage(TestOrg.English));
        Assert.Contains("1 freigebende Einheit und 0 anderswo geschriebene Richtlinien. Regeln und Freigaben verlagern die Verantwortung", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        Assert.Equal("u-sales", Assert.Single(d.AdditionalLocations).EntityId);
    }

    [Fact]
    public void Fires_when_decisions_are_governed_by_a_policy_written_outside_the_owners()
    {
        var d = Assert.Single(Markup.Verify(Rights("""
    {|VT1005:{ "id": "dr", "area": "discounts", "ownerUnitIds": ["u-north"], "governedByPolicyIds": ["ap-controlling", "ap-own"] }|}
""")));
        Assert.Contains("0 approving units and 1 policy written elsewhere.", d.GetMessage(TestOrg.English));
        Assert.Equal("ap-controlling", Assert.Single(d.AdditionalLocations).EntityId);
    }

    [Fact]
    public void Fires_when_the_approval_or_the_rule_comes_from_inside_the_owners_subtree()
    {
        // Article L119: rules move the responsibility to whoever wrote them — a sub-unit as much as a parent.
        var ds = Markup.Verify(Rights("""
    {|VT1005:{ "id": "dr1", "area": "a", "ownerUnitIds": ["u-sales"], "requiresApprovalFromUnitIds": ["u-north", "u-sales"] }|},
    {|VT1005:{ "id": "dr2", "area": "b", "ownerUnitIds": ["u-sales"], "governedByPolicyIds": ["ap-own"] }|}
"""));
        Assert.Equal(2, ds.Count);
    }

    [Fact]
    public void Does_not_fire_when_approvals_and_policies_come_from_the_owners_themselves_or_there_is_no_owner()
    {
        Markup.Verify(Rights("""
    { "id": "dr1", "area": "a", "ownerUnitIds": ["u-north"], "requiresApprovalFromUnitIds": ["u-north"], "governedByPolicyIds": ["ap-own", "ap-anonymous"] },
    { "id": "dr2", "area": "b", "ownerUnitIds": ["u-north", "u-mkt"], "requiresApprovalFromUnitIds": ["u-mkt"], "governedByPolicyIds": ["ap-controlling"] },
    { "id": "dr3", "area": "c", "ownerUnitIds": [], "requiresApprovalFromUnitIds": ["u-co"] },
    { "id": "dr4", "area": "d", "ownerUnitIds": ["u-north"] }
"""), "VT1005");
    }
}
