using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class IncentivePayRuleTests
{
    private static string Plans(string plans) => TestOrg.Doc(TestOrg.Structure + ",\n  \"incentivePlans\": [\n" + plans + "\n  ]");

    [Theory]
    [InlineData("commission", "individual")]
    [InlineData("commission", "team")]
    [InlineData("bonus", "company")]
    [InlineData("spiff", "individual")]
    [InlineData("profitShare", "individual")]
    [InlineData("profitShare", "unit")]
    public void Fires_on_variable_pay(string type, string level)
    {
        var d = Assert.Single(Markup.Verify(Plans($$"""    {|VT3001:{ "id": "ip", "name": "Plan", "type": "{{type}}", "level": "{{level}}", "participants": { "unitIds": ["u-sales"] } }|}""")));
        Assert.Equal("/incentivePlans/0", d.Location.JsonPointer);
        Assert.Equal("ip", d.Location.EntityId);
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Error, d.Severity);
    }

    [Theory]
    [InlineData("fixed", "individual")]
    [InlineData("profitShare", "company")]
    public void Does_not_fire_on_fixed_pay_or_company_profit_share(string type, string level)
    {
        Markup.Verify(Plans($$"""    { "id": "ip", "type": "{{type}}", "level": "{{level}}", "participants": { "everyone": true } }"""), "VT3001");
    }

    [Fact]
    public void Company_profit_share_fires_when_the_option_disallows_it()
    {
        var json = Plans("""    { "id": "ip", "type": "profitShare", "level": "company", "participants": { "everyone": true } }""");
        Assert.Single(TestOrg.Findings(json, "VT3001", new Dictionary<string, string> { ["VT3001.allowCompanyProfitShare"] = "false" }));
    }

    [Fact]
    public void One_diagnostic_per_plan_with_the_participant_count()
    {
        var json = Plans("""    { "id": "ip", "name": "Commission", "type": "commission", "participants": { "unitIds": ["u-sales"] } }""");
        var d = Assert.Single(TestOrg.Findings(json, "VT3001"));
        Assert.Contains("to 3 people", d.GetMessage(TestOrg.English));
        Assert.Contains("an 3 Personen".Replace("an ", ""), d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        Assert.Contains("Provision", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }
}
