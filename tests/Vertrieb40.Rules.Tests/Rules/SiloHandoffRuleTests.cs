using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class SiloHandoffRuleTests
{
    private const string Units = """
  "units": [
    { "id": "u-co", "kind": "company", "function": "management" },
    { "id": "u-mkt", "name": "Marketing", "function": "marketing", "parentId": "u-co" },
    { "id": "u-sales", "name": "Sales", "function": "sales", "parentId": "u-co" },
    { "id": "u-north", "kind": "team", "function": "sales", "parentId": "u-sales" },
    { "id": "u-support", "function": "support", "parentId": "u-co" },
    { "id": "u-product", "function": "product", "parentId": "u-co" },
    { "id": "u-eng", "function": "engineering", "parentId": "u-co" },
    { "id": "u-finance", "function": "finance", "parentId": "u-co" },
    { "id": "u-production", "function": "production", "parentId": "u-co" },
    { "id": "u-team", "kind": "team", "function": "crossFunctional", "parentId": "u-co" }
  ]
""";

    private static string Handoffs(string handoffs) => TestOrg.Doc(Units + ",\n  \"handoffs\": [\n" + handoffs + "\n  ]");

    [Fact]
    public void Fires_on_a_hand_over_from_marketing_to_sales()
    {
        var d = Assert.Single(Markup.Verify(Handoffs("""
    {|VT2005:{ "id": "h", "name": "Trade-fair concept", "fromUnitId": "u-mkt", "toUnitId": "u-north", "artifact": "trade-fair concept" }|}
""")));
        Assert.Equal("/handoffs/0", d.Location.JsonPointer);
        Assert.Equal("h", d.Location.EntityId);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("(artifact: trade-fair concept) passes work from unit 'Marketing' (marketing) to unit 'u-north' (sales)", d.GetMessage(TestOrg.English));
        Assert.Contains("von Einheit „Marketing“ (Marketing) an Einheit „u-north“ (Vertrieb)", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("u-north", "u-support")]
    [InlineData("u-support", "u-product")]
    [InlineData("u-product", "u-eng")]
    [InlineData("u-eng", "u-mkt")]
    public void Fires_on_every_pair_of_silo_functions(string from, string to)
    {
        Markup.Verify(Handoffs($$"""    {|VT2005:{ "id": "h", "fromUnitId": "{{from}}", "toUnitId": "{{to}}" }|}"""));
    }

    [Theory]
    [InlineData("u-sales", "u-north")] // inside one function
    [InlineData("u-north", "u-north")]
    [InlineData("u-mkt", "u-team")] // to a cross-functional team
    [InlineData("u-team", "u-support")]
    [InlineData("u-mkt", "u-finance")] // neither side is sales, and finance is not a funnel silo by default
    public void Does_not_fire_inside_one_function_or_with_units_outside_the_silos(string from, string to)
    {
        Markup.Verify(Handoffs($$"""    { "id": "h", "fromUnitId": "{{from}}", "toUnitId": "{{to}}" }"""), "VT2005");
    }

    [Theory]
    [InlineData("u-sales", "u-finance")] // article L254–258, L470: sales hands over to any function, production and finance included
    [InlineData("u-production", "u-north")]
    public void Fires_between_sales_and_any_other_function(string from, string to)
    {
        Markup.Verify(Handoffs($$"""    {|VT2005:{ "id": "h", "fromUnitId": "{{from}}", "toUnitId": "{{to}}" }|}"""));
    }

    [Fact]
    public void Silo_functions_are_configurable()
    {
        var json = Handoffs("""
    { "id": "h-finance", "fromUnitId": "u-mkt", "toUnitId": "u-finance" },
    { "id": "h-mkt", "fromUnitId": "u-mkt", "toUnitId": "u-sales" }
""");
        var d = Assert.Single(TestOrg.Findings(json, "VT2005", new Dictionary<string, string> { ["VT2005.functions"] = "marketing, finance", ["VT2005.salesWithAnyFunction"] = "false" }));
        Assert.Equal("h-finance", d.Location.EntityId);
    }

    [Fact]
    public void Unspecified_artifact_reads_as_unspecified()
    {
        var d = Assert.Single(TestOrg.Findings(Handoffs("""    { "id": "h", "fromUnitId": "u-mkt", "toUnitId": "u-sales" }"""), "VT2005"));
        Assert.Contains("(artifact: unspecified)", d.GetMessage(TestOrg.English));
    }
}
