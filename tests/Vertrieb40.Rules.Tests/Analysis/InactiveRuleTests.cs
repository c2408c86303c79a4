using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Reading;
using Xunit;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>
/// Issue 14: a rule that cannot report (severity none, not selected) does no work — on a large document it is not in
/// the session at all, on a small one its actions are skipped — and every other rule reports exactly what it did before.
/// </summary>
public class InactiveRuleTests
{
    private static LoadResult Generated(int people)
    {
        var sw = new StringWriter();
        OrganizationGenerator.Generate(new GeneratorOptions { People = people, Seed = 5, AntiPatternDensity = 0.1 }, sw);
        return OrganizationReader.ReadString(sw.ToString(), "generated.json");
    }

    [Theory]
    [InlineData(2_000)]   // below the threshold: the whole rule set, the switched-off rules' actions skipped
    [InlineData(30_000)]  // above it: a session of only the rules that can report
    public void Switched_off_rules_do_not_fire_and_the_others_report_as_before(int people)
    {
        Assert.True(2_000 < RuleEngine.SubsetSessionThreshold && 30_000 > RuleEngine.SubsetSessionThreshold);
        var load = Generated(people);
        var all = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { ComputeScoreOutline = false });
        var off = new[] { "VT1002", "VT2006", "VT3004" }; // a derived-fact rule, a unit-fact rule, one id of two rules
        var config = AnalyzerConfiguration.Parse(string.Concat(off.Select(id => $"vertrieb40_diagnostic.{id}.severity = none\n")), ".globalconfig");
        var some = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { ComputeScoreOutline = false, Configuration = config });

        Assert.All(off, id => Assert.Contains(all.Diagnostics, d => d.Id == id)); // the document has findings for them
        Assert.Equal(
            all.Diagnostics.Where(d => !off.Contains(d.Id)).Select(d => d.ToString()),
            some.Diagnostics.Select(d => d.ToString()));
        Assert.All(some.RuleTimings.Where(t => t.DiagnosticIds.Any(off.Contains)), t => Assert.Equal(0, t.Firings));
    }

    [Fact]
    public void Only_selected_rules_fire_on_a_large_document()
    {
        var load = Generated(30_000);
        var all = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { ComputeScoreOutline = false });
        var only = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { ComputeScoreOutline = false, OnlyRules = new[] { "VT1009" } });
        Assert.Equal(all.Diagnostics.Where(d => d.Id == "VT1009").Select(d => d.ToString()), only.Diagnostics.Select(d => d.ToString()));
        Assert.All(only.RuleTimings.Where(t => !t.DiagnosticIds.Contains("VT1009")), t => Assert.Equal(0, t.Firings));
    }
}
