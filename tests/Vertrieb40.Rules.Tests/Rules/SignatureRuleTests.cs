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
        Assert.Contains("requires 1 sign-off by someone of higher rank and applies to 2 people", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_step_that_does_not_state_its_rank_is_never_a_signature_rule()
    {
        var json = Policies("""    { "id": "ap", "subject": "offer", "steps": [ { "approver": "head of sales" } ] }""");
        var result = TestOrg.Analyze(json);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "VT3007");
        var coverage = Assert.Single(result.Coverage, c => c.RuleId == "VT3007");
        Assert.Equal(CoverageStatus.CouldNotCheck, coverage.Status);
        Assert.Equal("no approval step or threshold in the input states whether its approver is of higher rank", coverage.Reason);
    }

    [Theory]
    [InlineData("offer", """[ { "approver": "colleague", "higherRank": false } ]""")]
    [InlineData("offer", "[]")]
    [InlineData("discount", """[ { "approver": "head of sales" } ]""")]
    [InlineData("expense", """[ { "approver": "head of sales" } ]""")]
    public void Does_not_fire_on_peer_review_or_unstated_ranks(string subject, string steps)
    {
        Markup.Verify(Policies($$"""    { "id": "ap", "subject": "{{subject}}", "steps": {{steps}} }"""), "VT3007");
    }

    [Theory]
    [InlineData("discount")]
    [InlineData("price")]
    [InlineData("contract")]
    [InlineData("expense")]
    public void Every_subject_is_judged_by_default(string subject)
    {
        // Issue 10: a signature rule is one whatever it governs; only the configuration narrows the subjects.
        var json = Policies($$"""    { "id": "ap", "subject": "{{subject}}", "steps": [ { "approver": "head of sales", "higherRank": true } ] }""");
        Assert.Single(TestOrg.Findings(json, "VT3007"));
    }

    [Fact]
    public void A_threshold_whose_approver_ranks_higher_is_a_signature_rule()
    {
        // Schema 1.1: "above 10 % the head of sales signs" is a higher-rank sign-off even without steps.
        var d = Assert.Single(Markup.Verify(Policies("""
    {|VT3007:{ "id": "ap", "subject": "discount", "thresholds": [ { "above": 10, "measure": "percent", "roleId": "r-field", "higherRank": true }, { "above": 5, "measure": "percent", "higherRank": false } ] }|}
""")));
        Assert.Equal("0", d.Properties[SignatureRule.HigherRankThresholdsProperty]);
        Assert.Equal("", d.Properties[SignatureRule.HigherRankStepsProperty]);
        Assert.Contains("requires 1 sign-off by someone of higher rank", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_threshold_that_does_not_state_its_rank_is_never_claimed()
    {
        // Unknown stays unknown: a 1.0 threshold has no higherRank, and leaving it out in 1.1 says nothing either.
        var json = Policies("""    { "id": "ap", "subject": "discount", "thresholds": [ { "above": 10, "approver": "head of sales" } ] }""");
        var result = TestOrg.Analyze(json);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "VT3007");
        Assert.Equal(CoverageStatus.CouldNotCheck, Assert.Single(result.Coverage, c => c.RuleId == "VT3007").Status);
    }

    [Fact]
    public void Configured_subjects_the_document_never_uses_are_reported_as_without_effect()
    {
        var json = Policies("""    { "id": "ap1", "subject": "offer", "steps": [ { "approver": "lead", "higherRank": true } ] }""");
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json),
            new AnalysisOptions { RuleOptions = new RuleOptions(new Dictionary<string, string> { ["VT3007.subjects"] = "offer, contract, hiring" }) });
        var d = Assert.Single(result.Diagnostics, x => x.Id == "VT0203");
        Assert.Contains("subjects 'contract', 'hiring' occur in no approval policy of this document", d.GetMessage(TestOrg.English));
        Assert.Single(result.Diagnostics, x => x.Id == "VT3007");
        // Without the option nothing is reported: the default (every subject) is never "without effect".
        Assert.DoesNotContain(TestOrg.Analyze(json).Diagnostics, x => x.Id == "VT0203");
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
