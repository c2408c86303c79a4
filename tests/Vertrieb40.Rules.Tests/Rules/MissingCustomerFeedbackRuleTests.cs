using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class MissingCustomerFeedbackRuleTests
{
    private static string Org(string units, string offerings = "")
        => TestOrg.Doc("\"units\": [\n" + units + "\n  ],\n  \"offerings\": [\n" + offerings + "\n  ]");

    [Theory]
    [InlineData("marketing")]
    [InlineData("sales")]
    [InlineData("support")]
    [InlineData("product")]
    public void Fires_on_funnel_functions_without_customer_contact(string function)
    {
        var d = Assert.Single(Markup.Verify(Org($$"""    {|VT1007:{ "id": "u", "name": "Unit", "function": "{{function}}", "customerContact": "none" }|}""")));
        Assert.Contains("with customer contact: none", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Fires_on_a_unit_of_another_function_that_carries_a_funnel_step()
    {
        var d = Assert.Single(Markup.Verify(Org(
            """    {|VT1007:{ "id": "u-eng", "function": "engineering", "customerContact": "none" }|}""",
            """    { "id": "o", "funnel": [ { "stage": "onboarding", "unitId": "u-eng" }, { "stage": "retention", "unitId": "u-eng" } ] }""")));
        Assert.Contains("carries 2 funnel steps", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Does_not_fire_on_direct_or_unstated_contact_or_units_outside_the_funnel()
    {
        Markup.Verify(Org("""
    { "id": "u1", "function": "sales", "customerContact": "direct" },
    { "id": "u2", "function": "sales" },
    { "id": "u4", "function": "engineering", "customerContact": "none" },
    { "id": "u5", "function": "finance", "customerContact": "none" }
"""), "VT1007");
    }

    [Fact]
    public void Fires_on_indirect_contact_by_default_because_the_article_asks_for_direct_feedback()
    {
        var d = Assert.Single(Markup.Verify(Org("""    {|VT1007:{ "id": "u3", "function": "marketing", "customerContact": "indirect" }|}""")));
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("carries 0 funnel steps) works in the funnel with customer contact: indirect", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Options_narrow_to_no_contact_and_change_the_funnel_functions()
    {
        var json = Org("""
    { "id": "u-mkt", "function": "marketing", "customerContact": "indirect" },
    { "id": "u-eng", "function": "engineering", "customerContact": "none" }
""");
        Assert.Equal("u-mkt", Assert.Single(TestOrg.Findings(json, "VT1007")).Location.EntityId);
        Assert.Empty(TestOrg.Findings(json, "VT1007", new Dictionary<string, string> { ["VT1007.includeIndirect"] = "false" }));
        Assert.Equal("u-eng", Assert.Single(TestOrg.Findings(json, "VT1007", new Dictionary<string, string> { ["VT1007.functions"] = "engineering" })).Location.EntityId);
    }
}
