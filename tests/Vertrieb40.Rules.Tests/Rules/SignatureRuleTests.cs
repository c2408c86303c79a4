using Vertrieb40.Rules.Rules.Effectiveness;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SignatureRuleTests
{
    private static string Policies(string policies) => TestOrg.Doc(TestOrg.Structure + ",\n  \"approvalPolicies\": [\n" + policies + "\n  ]");

    [Theory]
    [InlineData("offer")]
    [InlineData("calculation")]
    public void Fires_on_higher_rank_sign_off(string subject)
    {
        var d = Assert.Single(Markup.Verify(Policies($$"""
    { "id": "ap-peer", "subject": "offer", "steps": [ { "approver": "team colleague", "higherRank": false } ] },
    {|VT3007:{
      "id": "ap", "name": "Offer sign-off", "subject": "{{subject}}",
      "steps": [ { "approver": "colleague", "higherRank": false }, { "approver": "team lead" }, { "approver": "head of sales", "higherRank": true } ],
      "appliesTo": { "unitIds": ["u-north"] }
    }|}
""")));
        Assert.Equal("/approvalPolicies/1", d.Location.JsonPointer);
        Assert.Equal("1,2", d.Properties[SignatureRule.HigherRankStepsProperty]);
        Assert.Contains("requires 2 sign-off steps by someone of higher rank and applies to 2 people", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("offer", """[ { "approver": "colleague", "higherRank": false } ]""")]
    [InlineData("offer", "[]")]
    [InlineData("discount", """[ { "approver": "head of sales" } ]""")]
    [InlineData("expense", """[ { "approver": "head of sales" } ]""")]
    public void Does_not_fire_on_peer_review_or_other_subjects(string subject, string steps)
    {
        Markup.Verify(Policies($$"""    { "id": "ap", "subject": "{{subject}}", "steps": {{steps}} }"""), "VT3007");
    }

    [Fact]
    public void Subjects_are_configurable()
    {
        var json = Policies("""    { "id": "ap1", "subject": "offer", "steps": [ { "approver": "lead" } ] }, { "id": "ap2", "subject": "contract", "steps": [ { "approver": "lead" } ] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3007", new Dictionary<string, string> { ["VT3007.subjects"] = "contract, calculation" }));
        Assert.Equal("ap2", d.Location.EntityId);
    }

    [Fact]
    public void German_message()
    {
        var json = Policies("""    { "id": "ap", "name": "Angebotsfreigabe", "subject": "offer", "steps": [ { "approver": "Vertriebsleiter" } ] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3007"));
        Assert.Contains("verlangt 1 Freigabe durch formal Höhergestellte", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }
}
