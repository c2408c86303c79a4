using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class RuleSprawlRuleTests
{
    private static string Policies(string policies) => TestOrg.Doc(TestOrg.Structure + ",\n  \"approvalPolicies\": [\n" + policies + "\n  ]");

    private const string Nested = """
    {|VT3008:{
      "id": "ap", "name": "Discount matrix", "subject": "expense",
      "exceptions": [
        { "description": "framework customers", "exceptions": [ { "description": "except spare parts", "exceptions": [ { "description": "unless strategic" } ] } ] },
        { "description": "trade fairs" }
      ]
    }|}
""";

    [Fact]
    public void Fires_on_exceptions_to_exceptions()
    {
        var d = Assert.Single(Markup.Verify(Policies(Nested + """
,
    { "id": "ap-flat", "subject": "expense", "exceptions": [ { "description": "a" }, { "description": "b" } ] }
""")));
        Assert.Contains("nests exceptions 3 levels deep (4 exceptions in all; tolerated: 1 level(s))", d.GetMessage(TestOrg.English));
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Info, d.Severity);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[ { "description": "a" }, { "description": "b", "exceptions": [] } ]""")]
    public void Does_not_fire_on_a_single_level(string exceptions)
    {
        Markup.Verify(Policies($$"""    { "id": "ap", "subject": "discount", "exceptions": {{exceptions}} }"""), "VT3008");
    }

    [Fact]
    public void Max_depth_is_configurable()
    {
        var json = Policies("""    { "id": "ap", "subject": "discount", "exceptions": [ { "description": "a", "exceptions": [ { "description": "b" } ] } ] }""");
        Assert.Single(TestOrg.Findings(json, "VT3008"));
        Assert.Empty(TestOrg.Findings(json, "VT3008", new Dictionary<string, string> { ["VT3008.maxDepth"] = "2" }));
        var flat = Policies("""    { "id": "ap", "subject": "discount", "exceptions": [ { "description": "a" } ] }""");
        Assert.Single(TestOrg.Findings(flat, "VT3008", new Dictionary<string, string> { ["VT3008.maxDepth"] = "0" }));
    }
}
