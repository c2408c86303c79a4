using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class DiscountThresholdRuleTests
{
    private static string Policies(string policies) => TestOrg.Doc(TestOrg.Structure + ",\n  \"approvalPolicies\": [\n" + policies + "\n  ]");

    [Theory]
    [InlineData("discount")]
    [InlineData("price")]
    public void Fires_on_thresholds_that_need_approval(string subject)
    {
        var d = Assert.Single(Markup.Verify(Policies($$"""
    {|VT3006:{
      "id": "ap", "name": "Discount matrix", "subject": "{{subject}}",
      "thresholds": [ { "above": 5, "measure": "percent", "approver": "team lead" }, { "above": 10, "approver": "head of sales" } ],
      "appliesTo": { "unitIds": ["u-sales"] }
    }|}
""")));
        Assert.Contains("sets 2 price thresholds above which someone must approve, and applies to 3 people", d.GetMessage(TestOrg.English));
        Assert.Contains("setzt 2 Preisschwellen, oberhalb derer jemand genehmigen muss, und gilt für 3 Personen", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("discount", "[]")]
    [InlineData("discount", """[ { "above": 30, "approver": "managing director" } ]""")] // one limit is no staircase of fictitious thresholds (L399)
    [InlineData("offer", """[ { "above": 5 } ]""")]
    [InlineData("expense", """[ { "above": 500 } ]""")]
    public void Does_not_fire_without_price_thresholds(string subject, string thresholds)
    {
        Markup.Verify(Policies($$"""    { "id": "ap", "subject": "{{subject}}", "thresholds": {{thresholds}} }"""), "VT3006");
    }

    [Fact]
    public void Subjects_are_configurable()
    {
        var json = Policies("""    { "id": "ap1", "subject": "discount", "thresholds": [ { "above": 5 }, { "above": 10 } ] }, { "id": "ap2", "subject": "contract", "thresholds": [ { "above": 5 }, { "above": 10 } ] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3006", new Dictionary<string, string> { ["VT3006.subjects"] = "contract" }));
        Assert.Equal("ap2", d.Location.EntityId);
    }

    [Fact]
    public void A_single_threshold_is_reported_when_configured()
    {
        var json = Policies("""    { "id": "ap", "subject": "price", "thresholds": [ { "above": 5 } ] }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3006", new Dictionary<string, string> { ["VT3006.minThresholds"] = "1" }));
        Assert.Contains("sets 1 price threshold above which", d.GetMessage(TestOrg.English));
        Assert.Contains("setzt 1 Preisschwelle,", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }
}
