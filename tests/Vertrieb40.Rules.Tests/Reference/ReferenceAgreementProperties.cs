using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>The engine agrees with the plain reference statement of every rule, on generated organisations.</summary>
public class ReferenceAgreementProperties
{
    [Property(MaxTest = 300)]
    public Property Engine_equals_reference_for_every_rule(int seed)
    {
        var json = RandomOrganization.Json(seed);
        var load = TestOrg.Read(json);
        if (load.HasErrors) return false.Label("generated document has input errors: " + string.Join("; ", load.Diagnostics));
        var result = OrganizationAnalyzer.Default.Analyze(load);
        var engine = ReferenceEvaluation.FromEngine(result);
        var reference = ReferenceEvaluation.Evaluate(load.Organization!, RuleOptions.Empty);
        return engine.SequenceEqual(reference).Label($"seed {seed}\nengine:    {string.Join(", ", engine)}\nreference: {string.Join(", ", reference)}");
    }

    [Property(MaxTest = 300)]
    public Property Engine_coverage_equals_reference_coverage(int seed)
    {
        var load = TestOrg.Read(RandomOrganization.Json(seed));
        var result = OrganizationAnalyzer.Default.Analyze(load);
        var engine = result.Coverage.Select(c => c.RuleId + "=" + (c.Status == CoverageStatus.Checked)).ToList();
        var reference = result.Coverage.Select(c => c.RuleId + "=" + ReferenceCoverage.CanCheck(c.RuleId, load.Organization!)).ToList();
        // A rule that could not check never reports.
        var silent = result.Coverage.Where(c => c.Status == CoverageStatus.CouldNotCheck).All(c => result.Diagnostics.All(d => d.Id != c.RuleId));
        return (engine.SequenceEqual(reference) && silent).Label($"seed {seed}\nengine:    {string.Join(", ", engine)}\nreference: {string.Join(", ", reference)}");
    }

    [Property(MaxTest = 100)]
    public Property Analysis_is_deterministic(int seed)
    {
        var json = RandomOrganization.Json(seed);
        var a = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json)).Diagnostics.Select(d => d.ToString()).ToList();
        var b = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json)).Diagnostics.Select(d => d.ToString()).ToList();
        return a.SequenceEqual(b).ToProperty();
    }

    [Fact]
    public void Every_catalog_rule_has_a_reference_statement()
    {
        var catalog = OrganizationAnalyzer.Default.SupportedDiagnostics.Select(d => d.Id).Where(id => !id.StartsWith("VT0", StringComparison.Ordinal));
        Assert.Empty(catalog.Except(ReferenceEvaluation.CoveredIds));
    }
}
