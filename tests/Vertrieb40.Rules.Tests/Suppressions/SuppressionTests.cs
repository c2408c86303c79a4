using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Suppressions;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Suppressions;

public class SuppressionTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static string WithSuppressions(string list)
        => ConfigurationTests.Json[..ConfigurationTests.Json.LastIndexOf('}')].TrimEnd() + ",\n  \"suppressions\": " + list + "\n}";

    private static AnalysisResult Analyze(string json, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        options.Today ??= Today;
        return OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json), options);
    }

    [Theory]
    [InlineData("/incentivePlans/0", true)]
    [InlineData("/incentivePlans", true)]          // prefix at a segment boundary
    [InlineData("/incentivePlans/0/type", false)]  // deeper than the finding
    [InlineData("/incentive", false)]              // not at a segment boundary
    [InlineData("ip1", true)]                      // entity id
    [InlineData("ip", false)]
    [InlineData("", true)]                         // whole document
    [InlineData("*", true)]
    public void Target_matching(string target, bool expected)
    {
        var location = new Location("f.json", "/incentivePlans/0", new LineSpan(3, 5, 3, 9), "incentivePlans", "ip1");
        Assert.Equal(expected, SuppressionMatcher.TargetMatches(target, location));
        Assert.False(SuppressionMatcher.TargetMatches("/incentivePlans/0", new Location("f.json", "/incentivePlans/01", LineSpan.None)));
    }

    [Fact]
    public void A_suppression_in_the_document_keeps_the_finding_marked_with_its_justification()
    {
        var r = Analyze(WithSuppressions("""[ { "ruleId": "VT3001", "target": "ip1", "justification": "Works council agreement until 2027", "owner": "HR" } ]"""));
        var d = Assert.Single(r.Diagnostics, x => x.Id == "VT3001");
        Assert.True(d.IsSuppressed);
        Assert.Equal("Works council agreement until 2027", d.SuppressionJustification);
        Assert.DoesNotContain(r.Active, x => x.Id == "VT3001");
        Assert.Equal(DiagnosticSeverity.Warning, r.HighestSeverity); // the error no longer counts
        Assert.DoesNotContain(r.Diagnostics, x => x.Id is "VT0210" or "VT0211");
    }

    [Fact]
    public void An_expired_suppression_stops_suppressing_and_says_so()
    {
        var r = Analyze(WithSuppressions("""[ { "ruleId": "VT3001", "target": "/incentivePlans/0", "justification": "transition", "expires": "2026-11-28", "owner": "CFO" } ]"""));
        Assert.False(Assert.Single(r.Diagnostics, x => x.Id == "VT3001").IsSuppressed);
        var expired = Assert.Single(r.Diagnostics, x => x.Id == "VT0210");
        Assert.Equal(DiagnosticSeverity.Warning, expired.Severity);
        Assert.Equal("/suppressions/0", expired.Location.JsonPointer);
        Assert.True(expired.Location.Span.IsKnown);
        Assert.Contains("2026-11-28", expired.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Contains("CFO", expired.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_is_still_valid_on_its_expiry_day()
    {
        var r = Analyze(WithSuppressions("""[ { "ruleId": "VT3001", "target": "ip1", "justification": "transition", "expires": "2026-11-29" } ]"""));
        Assert.True(Assert.Single(r.Diagnostics, x => x.Id == "VT3001").IsSuppressed);
    }

    [Fact]
    public void An_unmatched_suppression_is_reported()
    {
        var r = Analyze(WithSuppressions("""[ { "ruleId": "VT1009", "target": "ip1", "justification": "wrong target" } ]"""));
        var d = Assert.Single(r.Diagnostics, x => x.Id == "VT0211");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.False(Assert.Single(r.Diagnostics, x => x.Id == "VT1009").IsSuppressed);
    }

    [Fact]
    public void Not_configurable_diagnostics_cannot_be_suppressed()
    {
        var json = WithSuppressions("""[ { "ruleId": "VT0007", "justification": "we like colours" } ]""")
            .Replace("\"schemaVersion\": \"1.1\"", "\"schemaVersion\": \"1.1\", \"colour\": 1", StringComparison.Ordinal);
        var r = Analyze(json);
        Assert.False(Assert.Single(r.Diagnostics, x => x.Id == "VT0007").IsSuppressed);
        Assert.Single(r.Diagnostics, x => x.Id == "VT0204");
    }

    [Fact]
    public void A_suppressions_file_works_like_the_documents_list()
    {
        var file = SuppressionFile.Parse("""
            { "suppressions": [
              { "ruleId": "VT1010", "target": "/meetings", "justification": "Being replaced in Q1", "expires": "2027-03-31", "owner": "Head of sales" }
            ] }
            """, "supp.json");
        Assert.False(file.HasErrors);
        var entry = Assert.Single(file.Entries);
        Assert.Equal(new DateOnly(2027, 3, 31), entry.Expires);
        Assert.Equal("supp.json", entry.FilePath);
        Assert.Equal((2, 3), (entry.Position.Line, entry.Position.Column));

        var r = Analyze(ConfigurationTests.Json, new AnalysisOptions { Suppressions = file.Entries });
        Assert.True(Assert.Single(r.Diagnostics, x => x.Id == "VT1010").IsSuppressed);
    }

    [Fact]
    public void A_library_user_adds_a_suppressions_file_through_the_public_options()
    {
        var dir = Directory.CreateTempSubdirectory("vt40-supp-");
        try
        {
            var good = Path.Combine(dir.FullName, "supp.json");
            File.WriteAllText(good, """{ "suppressions": [ { "ruleId": "VT1010", "target": "/meetings", "justification": "Being replaced in Q1", "owner": "Head of sales" } ] }""");
            var options = new AnalysisOptions();
            Assert.Empty(options.AddSuppressionFile(good));
            var r = Analyze(ConfigurationTests.Json, options);
            var finding = Assert.Single(r.Diagnostics, x => x.Id == "VT1010");
            Assert.True(finding.IsSuppressed);
            Assert.Equal("Being replaced in Q1", finding.SuppressionJustification);

            // A bad file adds nothing (no partial results) and says where it is wrong.
            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, """{ "suppressions": [ { "ruleId": "VT3001", "target": "ip1", "justification": "x" }, { "ruleId": "VT1010", "target": "m1" } ] }""");
            var other = new AnalysisOptions();
            var errors = other.AddSuppressionFile(bad);
            var error = Assert.Single(errors);
            Assert.Equal(("VT0212", bad, "/suppressions/1"), (error.Id, error.Location.FilePath, error.Location.JsonPointer));
            var unsuppressed = Analyze(ConfigurationTests.Json, other);
            Assert.DoesNotContain(unsuppressed.Diagnostics, x => x.IsSuppressed);
            Assert.Contains(unsuppressed.Diagnostics, x => x.Id == "VT3001");

            Assert.Equal("VT0212", Assert.Single(other.AddSuppressionFile(Path.Combine(dir.FullName, "missing.json"))).Id);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("""{ "suppressions": [ { "ruleId": "VT1010", "target": "m1" } ] }""", 1, 21, "/suppressions/0", "justification")]
    [InlineData("""{ "suppressions": [ { "ruleId": "VT1010", "justification": "  " } ] }""", 1, 21, "/suppressions/0", "justification")]
    [InlineData("""{ "suppressions": [ { "ruleId": "VT1010", "justification": "x", "expires": "31.03.2027" } ] }""", 1, 76, "/suppressions/0/expires", "2027-03-31")]
    [InlineData("""{ "suppressions": [ { "ruleId": 7, "justification": "x" } ] }""", 1, 33, "/suppressions/0/ruleId", "string")]
    [InlineData("""{ "suppressions": [ { "ruleId": "VT1010", "justifcation": "x" } ] }""", 1, 43, "/suppressions/0/justifcation", "unknown property")]
    [InlineData("""{ "suppressions": { } }""", 1, 19, "/suppressions", "array")]
    [InlineData("""{ "suppressions": [ """, 1, 20, "", "not valid JSON")]
    public void A_bad_suppressions_file_gives_positioned_errors(string json, int line, int column, string pointer, string text)
    {
        var r = SuppressionFile.Parse(json, "supp.json");
        Assert.True(r.HasErrors);
        Assert.Empty(r.Entries);
        var d = r.Diagnostics[0];
        Assert.Equal("VT0212", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("supp.json", d.Location.FilePath);
        Assert.Equal(pointer, d.Location.JsonPointer);
        Assert.Equal(line, d.Location.Span.StartLine);
        Assert.Equal(column, d.Location.Span.StartColumn);
        Assert.Contains(text, d.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_suppressions_file_is_a_diagnostic()
    {
        var r = SuppressionFile.Read("/no/such/supp.json");
        Assert.Equal("VT0212", Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Suppression_sees_the_configured_severity_and_none_leaves_nothing_to_suppress()
    {
        var options = new AnalysisOptions
        {
            Configuration = Vertrieb40.Rules.Configuration.AnalyzerConfiguration.Parse("vertrieb40_diagnostic.VT3001.severity = none"),
        };
        var r = Analyze(WithSuppressions("""[ { "ruleId": "VT3001", "target": "ip1", "justification": "x" } ]"""), options);
        Assert.DoesNotContain(r.Diagnostics, x => x.Id == "VT3001");
        Assert.Single(r.Diagnostics, x => x.Id == "VT0211");
    }
}
