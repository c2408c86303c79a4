using Vertrieb40.Rules.Analysis;
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
        // The team lead's step does not say whether the lead ranks higher: it is not claimed (issue 10).
        Assert.Equal("2", d.Properties[SignatureRule.HigherRankStepsProperty]);
        Assert.Contains("requires 1 sign-off step by someone of higher rank and applies to 2 people", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_step_that_does_not_state_its_rank_is_never_a_signature_rule()
    {
        var json = Policies("""    { "id": "ap", "subject": "offer", "steps": [ { "approver": "head of sales" } ] }""");
        var result = TestOrg.Analyze(json);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "VT3007");
        var coverage = Assert.Single(result.Coverage, c => c.RuleId == "VT3007");
        Assert.Equal(CoverageStatus.CouldNotCheck, coverage.Status);
        Assert.Equal("no approval step in the input states whether its approver is of higher rank", coverage.Reason);
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
        var json = Policies("""    { "id": "ap1", "subject": "offer", "steps": [ { "approver": "lead", "higherRank": true } ] }, { "id": "ap2", "subject": "contract", "steps": [ { "approver": "lead", "higherRank": true } ] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3007", new Dictionary<string, string> { ["VT3007.subjects"] = "contract, calculation" }));
        Assert.Equal("ap2", d.Location.EntityId);
    }

    [Fact]
    public void German_message()
    {
        var json = Policies("""    { "id": "ap", "name": "Angebotsfreigabe", "subject": "offer", "steps": [ { "approver": "Vertriebsleiter", "higherRank": true } ] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3007"));
        Assert.Contains("verlangt 1 Freigabe durch formal Höhergestellte", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }
}
