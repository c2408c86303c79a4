using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;
using Vertrieb40.Rules.Tests.Reference;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 6, the properties that need the configuration, suppression and fix stages: over generated
/// organisations, raising a severity never removes a diagnostic, suppressing rule X touches only X's
/// diagnostics, every code fix removes what it fixes and is idempotent, and SARIF is byte-identical.
/// </summary>
public class ConfigurationProperties
{
    private static readonly string[] CatalogIds = OrganizationAnalyzer.Default.SupportedDiagnostics
        .Where(d => !d.Id.StartsWith("VT0", StringComparison.Ordinal)).Select(d => d.Id).ToArray();

    private static AnalysisResult Analyze(string json, AnalysisOptions options)
        => OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(json, "generated.json"), options);

    private static string Key(Diagnostic d) => d.Id + " " + d.Location.JsonPointer + " " + string.Join(",", d.AdditionalLocations.Select(l => l.JsonPointer));

    [Property(MaxTest = 120)]
    public Property Raising_a_severity_never_removes_a_diagnostic(int seed, int pick)
    {
        var json = RandomOrganization.Json(seed);
        var id = CatalogIds[Math.Abs(pick % CatalogIds.Length)];
        var plain = Analyze(json, new AnalysisOptions());
        var raised = Analyze(json, new AnalysisOptions { Configuration = AnalyzerConfiguration.Parse($"vertrieb40_diagnostic.{id}.severity = error\n", ".vertrieb40config") });
        var before = plain.Diagnostics.Select(Key).ToHashSet();
        var after = raised.Diagnostics.Select(Key).ToHashSet();
        var severitiesOk = raised.Diagnostics.Where(d => d.Id == id).All(d => d.Severity == DiagnosticSeverity.Error);
        return (before.IsSubsetOf(after) && severitiesOk).Label($"seed {seed}, {id}: lost {string.Join("; ", before.Except(after))}");
    }

    [Property(MaxTest = 120)]
    public Property Suppressing_a_rule_touches_only_that_rules_diagnostics(int seed, int pick)
    {
        var json = RandomOrganization.Json(seed);
        var id = CatalogIds[Math.Abs(pick % CatalogIds.Length)];
        var plain = Analyze(json, new AnalysisOptions());
        var suppressed = Analyze(json, new AnalysisOptions
        {
            Suppressions = new[] { new SuppressionEntry { RuleId = id, Target = "*", Justification = "property test", FilePath = "suppressions.json" } },
        });
        var otherBefore = plain.Diagnostics.Where(d => d.Id != id && !d.Id.StartsWith("VT02", StringComparison.Ordinal)).Select(d => Key(d) + d.IsSuppressed).ToList();
        var otherAfter = suppressed.Diagnostics.Where(d => d.Id != id && !d.Id.StartsWith("VT02", StringComparison.Ordinal)).Select(d => Key(d) + d.IsSuppressed).ToList();
        var mine = suppressed.Diagnostics.Where(d => d.Id == id).ToList();
        var allSuppressed = mine.All(d => d.IsSuppressed && d.SuppressionJustification == "property test");
        var sameCount = mine.Count == plain.Diagnostics.Count(d => d.Id == id);
        return (otherBefore.SequenceEqual(otherAfter) && allSuppressed && sameCount).Label($"seed {seed}, {id}");
    }

    [Property(MaxTest = 60)]
    public Property Every_fix_removes_its_diagnostic_and_fixing_twice_equals_fixing_once(int seed)
    {
        var json = RandomOrganization.Json(seed);
        var once = OrganizationFixer.Fix(json, "generated.json");
        if (once.Applied.Count == 0) return true.ToProperty();
        var twice = OrganizationFixer.Fix(once.Fixed.Text, "generated.json");
        var reread = OrganizationReader.ReadString(once.Fixed.Text, "generated.json");
        var after = OrganizationAnalyzer.Default.Analyze(reread);
        var fixedIds = once.Applied.Select(a => a.Diagnostic.Id).ToHashSet();
        // What a fix addressed is gone (by rule and entity), and the fixed document reads without errors.
        var stillThere = once.Applied.Where(a => after.Diagnostics.Any(d => d.Id == a.Diagnostic.Id
            && d.Location.EntityId == a.Diagnostic.Location.EntityId && d.Location.EntityKind == a.Diagnostic.Location.EntityKind
            && Equals(d.Properties.GetValueOrDefault("roleId"), a.Diagnostic.Properties.GetValueOrDefault("roleId")))).ToList();
        return (!reread.HasErrors && stillThere.Count == 0 && twice.Fixed.Text == once.Fixed.Text)
            .Label($"seed {seed}: fixed {string.Join(",", fixedIds)}; still there: {string.Join("; ", stillThere.Select(a => a.Diagnostic.ToString()))}; idempotent: {twice.Fixed.Text == once.Fixed.Text}");
    }

    [Property(MaxTest = 60)]
    public Property Sarif_output_is_byte_identical_for_the_same_input(int seed)
    {
        var json = RandomOrganization.Json(seed);
        string Sarif()
        {
            var w = new StringWriter();
            new SarifReportWriter().Write(new ReportContext(new[] { Analyze(json, new AnalysisOptions()) }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), w);
            return w.ToString();
        }
        return (Sarif() == Sarif()).ToProperty();
    }

    [Fact]
    public void The_properties_exercise_real_findings_and_fixes()
    {
        // Guards against vacuous properties: generated organisations do produce catalog findings and fixes.
        var seeds = Enumerable.Range(1, 40).ToList();
        var withFindings = seeds.Count(s => Analyze(RandomOrganization.Json(s), new AnalysisOptions()).Diagnostics.Any(d => CatalogIds.Contains(d.Id)));
        var withFixes = seeds.Count(s => OrganizationFixer.Fix(RandomOrganization.Json(s), "generated.json").Applied.Count > 0);
        Assert.True(withFindings >= 30, $"only {withFindings} of 40 generated organisations have findings");
        Assert.True(withFixes >= 10, $"only {withFixes} of 40 generated organisations have something to fix");
    }
}
