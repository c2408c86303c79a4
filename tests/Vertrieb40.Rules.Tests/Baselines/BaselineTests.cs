using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Baselines;

public class BaselineTests
{
    private static readonly DiagnosticDescriptor TestDescriptor = new("VT1002", "Test", "Test {0}", DiagnosticCategories.Team, DiagnosticSeverity.Warning, true);

    private static AnalysisResult Analyze(string json, Baseline? baseline = null, string file = "org.json")
        => OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json, file), new AnalysisOptions { Baseline = baseline });

    private static Diagnostic Hand(string entityId, int line, IReadOnlyDictionary<string, string?>? properties = null)
        => Diagnostic.Create(TestDescriptor, new Location("org.json", "/units/" + line, new LineSpan(line, 5, line, 9), "units", entityId), null, properties);

    [Fact]
    public void Fingerprints_ignore_line_numbers_and_array_positions()
    {
        var before = Analyze(ConfigurationTests.Json);
        // Blank lines on top and the collections in another order: every line and pointer index moves.
        var moved = "\n\n\n" + ConfigurationTests.Json;
        var after = Analyze(moved);
        Assert.NotEqual(before.Diagnostics.Select(d => d.Location.Span.StartLine), after.Diagnostics.Select(d => d.Location.Span.StartLine));
        Assert.Equal(before.Diagnostics.Select(DiagnosticFingerprint.Compute).Order(), after.Diagnostics.Select(DiagnosticFingerprint.Compute).Order());
        Assert.All(before.Diagnostics.Select(DiagnosticFingerprint.Compute), f => Assert.Matches("^[0-9a-f]{32}$", f));
    }

    [Fact]
    public void The_discriminator_uses_id_properties_and_ignores_counts()
    {
        var a = Hand("u-north", 3, new Dictionary<string, string?> { ["roleId"] = "r-field", ["holders"] = "1" });
        var b = Hand("u-north", 40, new Dictionary<string, string?> { ["roleId"] = "r-field", ["holders"] = "7" });
        var c = Hand("u-north", 3, new Dictionary<string, string?> { ["roleId"] = "r-inside" });
        Assert.Equal(DiagnosticFingerprint.Compute(a), DiagnosticFingerprint.Compute(b));
        Assert.NotEqual(DiagnosticFingerprint.Compute(a), DiagnosticFingerprint.Compute(c));
        Assert.Equal("VT1002|units|u-north|roleId=r-field", DiagnosticFingerprint.Describe(a));
        var explicitOne = Hand("u-north", 3, new Dictionary<string, string?> { ["roleId"] = "r-field", [DiagnosticFingerprint.DiscriminatorProperty] = "x" });
        Assert.Equal("x", DiagnosticFingerprint.Discriminator(explicitOne));
    }

    [Fact]
    public void Create_write_and_read_round_trip()
    {
        var analysis = Analyze(ConfigurationTests.Json);
        var baseline = Baseline.Create(analysis.Diagnostics);
        Assert.True(baseline.Entries.Count >= 3);
        Assert.Equal(analysis.Diagnostics.Count(Baseline.IsBaselinable), baseline.Entries.Count);
        Assert.Contains(baseline.Entries, e => e.RuleId == "VT3001" && e.EntityKind == "incentivePlans" && e.EntityId == "ip1");
        var text = new StringWriter();
        baseline.Write(text);
        var read = Baseline.Parse(text.ToString(), "b.json");
        Assert.False(read.HasErrors);
        Assert.Equal(baseline.Entries, read.Baseline!.Entries);
        Assert.DoesNotContain("line", text.ToString(), StringComparison.OrdinalIgnoreCase);
        // Deterministic: the same findings give the same bytes.
        var again = new StringWriter();
        Baseline.Create(Analyze(ConfigurationTests.Json).Diagnostics).Write(again);
        Assert.Equal(text.ToString(), again.ToString());
    }

    [Fact]
    public void Findings_are_marked_new_or_unchanged_and_absent_entries_are_listed()
    {
        var baseline = Baseline.Create(Analyze(ConfigurationTests.Json).Diagnostics);
        // Today: the commission is gone, a second control meeting is new.
        var today = ConfigurationTests.Json
            .Replace("\"type\": \"commission\"", "\"type\": \"fixed\"", StringComparison.Ordinal)
            .Replace("\"meetings\": [", "\"meetings\": [ { \"id\": \"m2\", \"purpose\": \"statusReporting\", \"cadence\": \"weekly\" },", StringComparison.Ordinal);
        var r = Analyze(today, baseline);
        Assert.Equal(Baseline.Unchanged, r.Diagnostics.Single(d => d.Location.EntityId == "m1").Properties[Baseline.StateProperty]);
        Assert.Equal(Baseline.Unchanged, r.Diagnostics.Single(d => d.Location.EntityId == "t1").Properties[Baseline.StateProperty]);
        Assert.Equal(Baseline.New, r.Diagnostics.Single(d => d.Location.EntityId == "m2").Properties[Baseline.StateProperty]);
        var absent = Assert.Single(r.Diagnostics, d => d.Id == "VT0220");
        Assert.Equal("ip1", absent.Location.EntityId);
        Assert.Contains("VT3001", absent.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.False(absent.Properties.ContainsKey(Baseline.StateProperty));
    }

    [Fact]
    public void Entries_of_other_files_are_left_alone()
    {
        var baseline = Baseline.Create(Analyze(ConfigurationTests.Json, file: "other.json").Diagnostics);
        var r = Analyze(ConfigurationTests.Json, baseline, "org.json");
        Assert.DoesNotContain(r.Diagnostics, d => d.Id == "VT0220");
        Assert.All(r.Diagnostics, d => Assert.Equal(Baseline.New, d.Properties[Baseline.StateProperty]));
    }

    [Fact]
    public void Two_findings_with_one_fingerprint_are_counted()
    {
        var one = new Baseline(new[] { Baseline.EntryFor(Hand("u1", 3)) });
        var result = one.Compare(new[] { Hand("u1", 3), Hand("u1", 9) }, "org.json");
        Assert.Equal(new[] { Baseline.New, Baseline.Unchanged }, result.Select(d => d.Properties[Baseline.StateProperty]).Order());
    }

    [Fact]
    public void Suppressed_findings_are_not_baselined()
    {
        var d = Hand("u1", 3).WithSuppression(true, "why");
        Assert.False(Baseline.IsBaselinable(d));
        Assert.False(Baseline.IsBaselinable(Diagnostic.Create(InputDescriptors.UnknownProperty, Location.None, "x", "y")));
    }

    [Theory]
    [InlineData("[]", 1, 1, "findings")]
    [InlineData("{ \"findings\": [ { \"ruleId\": \"VT3001\", \"file\": \"a.json\" } ] }", 1, 17, "entityId")]
    [InlineData("{ \"formatVersion\": \"9\", \"findings\": [] }", 1, 20, "formatVersion")]
    [InlineData("{ \"findings\": [ ", 1, 16, "not valid JSON")]
    public void A_bad_baseline_gives_a_positioned_error(string json, int line, int column, string text)
    {
        var r = Baseline.Parse(json, "b.json");
        Assert.True(r.HasErrors);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("VT0221", d.Id);
        Assert.Equal("b.json", d.Location.FilePath);
        Assert.Equal((line, column), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Contains(text, d.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }
}
