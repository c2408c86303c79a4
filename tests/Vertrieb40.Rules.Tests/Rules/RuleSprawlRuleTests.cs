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
        var d = Assert.Single(Markup.Verify(Policies(Nested)));
        Assert.Contains("has exceptions 3 levels deep (4 exceptions in all; tolerated: 0 levels)", d.GetMessage(TestOrg.English));
        Assert.Contains("hat Ausnahmen über 3 Ebenen (4 Ausnahmen insgesamt; toleriert: 0 Ebenen)", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
        Assert.Equal(Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void Fires_on_the_first_exception_because_the_pattern_begins_with_regulating_it()
    {
        // Article L409–415: a rule for the exception, then an exception to the rule — the first level is already the pattern.
        var d = Assert.Single(Markup.Verify(Policies("""    {|VT3008:{ "id": "ap-flat", "subject": "expense", "exceptions": [ { "description": "a" } ] }|}""")));
        Assert.Contains("has exceptions 1 level deep (1 exception in all;", d.GetMessage(TestOrg.English));
        Assert.Contains("hat Ausnahmen über 1 Ebene (1 Ausnahme insgesamt;", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[ { "description": "a" }, { "description": "b", "exceptions": [] } ]""")]
    public void Does_not_fire_without_exceptions_or_on_one_level_when_one_is_tolerated(string exceptions)
    {
        var json = Policies($$"""    { "id": "ap", "subject": "discount", "exceptions": {{exceptions}} }""");
        Assert.Empty(TestOrg.Findings(json, "VT3008", new Dictionary<string, string> { ["VT3008.maxDepth"] = "1" }));
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
