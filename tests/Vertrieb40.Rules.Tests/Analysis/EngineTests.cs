using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Rules.Effectiveness;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Analysis;

public class EngineTests
{
    internal static readonly DiagnosticDescriptor Declared = new("TST0001", "Test finding", "Found {0}", "Test", DiagnosticSeverity.Warning, true);
    internal static readonly DiagnosticDescriptor Undeclared = new("TST0002", "Undeclared finding", "Found {0}", "Test", DiagnosticSeverity.Warning, true);

    [Name("TST-undeclared")]
    public sealed class ReportsUndeclaredRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Declared];
        public override void Define()
        {
            AnalysisContext ctx = null!;
            Meeting m = null!;
            Dependency().Resolve(() => ctx);
            When().Match(() => m);
            Then().Do(_ => ctx.Report(Undeclared, m, m.Id)).Do(_ => ctx.Report(Declared, m, m.Id));
        }
    }

    [Name("TST-throws")]
    public sealed class ThrowingRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Declared];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m, x => x.Id.Length / (x.Id.Length - x.Id.Length) > 0);
            Then().Do(_ => Console.WriteLine(m.Id));
        }
    }

    [Name("TST-throws-in-action")]
    public sealed class ThrowingActionRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Undeclared];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m);
            Then().Do(_ => Fail(m));
        }
        private static void Fail(Meeting m) => throw new InvalidOperationException("boom " + m.Id);
    }

    private const string TwoMeetings = """
{ "schemaVersion": "1.0",
  "meetings": [ { "id": "m1", "purpose": "pipelineReview", "cadence": "weekly" }, { "id": "m2", "purpose": "coordination" } ] }
""";

    [Fact]
    public void Undeclared_descriptor_is_refused_and_reported()
    {
        var analyzer = OrganizationAnalyzer.Create(new OrganizationRule[] { new ReportsUndeclaredRule() });
        var ds = analyzer.Analyze(TestOrg.Read(TwoMeetings)).Diagnostics;
        Assert.Equal(2, ds.Count(d => d.Id == "TST0001"));
        Assert.DoesNotContain(ds, d => d.Id == "TST0002");
        Assert.Equal(2, ds.Count(d => d.Id == "VT0101"));
    }

    [Fact]
    public void Throwing_rules_become_one_internal_diagnostic_each_and_the_run_goes_on()
    {
        var analyzer = OrganizationAnalyzer.Create(new OrganizationRule[] { new ThrowingRule(), new ThrowingActionRule(), new ControlMeetingRuleProxy() });
        var ds = analyzer.Analyze(TestOrg.Read(TwoMeetings)).Diagnostics;
        var failures = ds.Where(d => d.Id == "VT0100").Select(d => d.GetMessage(TestOrg.English)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, m => m.Contains("TST-throws ") && m.Contains("DivideByZeroException"));
        Assert.Contains(failures, m => m.Contains("TST-throws-in-action") && m.Contains("boom"));
        Assert.Single(ds, d => d.Id == "VT1010");
    }

    public sealed class ControlMeetingRuleProxy : OrganizationRule
    {
        private readonly Vertrieb40.Rules.Rules.Team.ControlMeetingRule _inner = new();
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;
        public override void Define()
        {
            AnalysisContext ctx = null!;
            Meeting m = null!;
            Dependency().Resolve(() => ctx);
            When().Match(() => m, x => x.Purpose == MeetingPurpose.PipelineReview);
            Then().Do(_ => ctx.Report(Vertrieb40.Rules.Rules.Team.ControlMeetingRule.Descriptor, m, m.Id, "", "", 0));
        }
    }

    [Fact]
    public void Per_rule_timings_cover_every_rule()
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        // Every built-in rule (found by reflection, independent of the engine) has exactly one row, and the rows
        // name exactly the descriptors the rules declare (a rule may declare several; input descriptors are no rule's).
        var ruleTypes = typeof(OrganizationAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(OrganizationRule).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null).ToList();
        Assert.True(ruleTypes.Count >= 27, $"only {ruleTypes.Count} rule types");
        var rules = ruleTypes.Select(t => (OrganizationRule)Activator.CreateInstance(t)!).ToList();
        Assert.Equal(rules.Select(RuleEngine.RuleName).Order(StringComparer.Ordinal), result.RuleTimings.Select(t => t.RuleName).Order(StringComparer.Ordinal));
        var declared = rules.SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var ids = result.RuleTimings.SelectMany(t => t.DiagnosticIds).ToHashSet();
        Assert.Equal(declared.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ids, id => InputDescriptors.All.Any(d => d.Id == id));
        // A rule that fired did measurable work; the classic seed fires most rules.
        var fired = result.RuleTimings.Where(t => t.Firings > 0).ToList();
        Assert.True(fired.Count >= 15, $"only {fired.Count} rules fired");
        Assert.All(fired, t => Assert.True(t.Elapsed > TimeSpan.Zero, t.RuleName + " fired but took no time"));
        Assert.Equal(2, result.RuleTimings.Single(t => t.DiagnosticIds.Contains("VT3001")).Firings);
    }

    [Fact]
    public void Input_errors_stop_the_analysis()
    {
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read("{ \"schemaVersion\": \"1.0\", \"incentivePlans\": [ { \"id\": \"a\", \"type\": \"commission\", \"participants\": { \"unitIds\": [\"nope\"] } } ] }"));
        Assert.True(result.InputFailed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "VT3001");
        Assert.Contains(result.Diagnostics, d => d.Id == "VT0005");
    }

    [Theory]
    [InlineData("vt0001")]
    [InlineData("V1")]
    [InlineData("TOOLONG0001")]
    public void Descriptor_ids_are_validated(string id)
        => Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor(id, "T", "M", "C", DiagnosticSeverity.Info, true));

    [Fact]
    public void Descriptor_title_and_message_conventions_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("AB0001", "Ends with a period.", "M", "C", DiagnosticSeverity.Info, true));
        Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("AB0001", "T", "two\nlines", "C", DiagnosticSeverity.Info, true));
        Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("AB0001", "T", "bad {x}", "C", DiagnosticSeverity.Info, true));
    }

    [Fact]
    public void Every_catalog_descriptor_has_english_and_german_texts_and_a_page()
    {
        var de = System.Globalization.CultureInfo.GetCultureInfo("de");
        foreach (var d in OrganizationAnalyzer.Default.SupportedDiagnostics)
        {
            Assert.NotEqual(d.Title.ToString(TestOrg.English), d.Title.ToString(de));
            Assert.NotEqual(d.MessageFormat.ToString(TestOrg.English), d.MessageFormat.ToString(de));
            Assert.True(File.Exists(Path.Combine(SeedPaths.Root, "rules", d.Id + ".md")), "missing rules/" + d.Id + ".md");
            var page = File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", d.Id + ".md"));
            foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## When to suppress", "## Example", "## Configure" })
                Assert.True(page.Contains(section), $"rules/{d.Id}.md lacks '{section}'");
            Assert.Contains(d.Id, File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", "AnalyzerReleases.Unshipped.md")) + File.ReadAllText(Path.Combine(SeedPaths.Root, "rules", "AnalyzerReleases.Shipped.md")));
        }
    }
}

public class ScoreOutlineOptionTests
{
    [Fact]
    public void Without_the_score_outline_the_diagnostics_are_the_same_and_no_score_is_computed()
    {
        var path = Vertrieb40.Rules.Tests.Infrastructure.SeedPaths.Classic;
        var with = OrganizationAnalyzer.Default.AnalyzeFile(path);
        var without = OrganizationAnalyzer.Default.AnalyzeFile(path, new AnalysisOptions { ComputeScoreOutline = false });
        Assert.Equal(with.Diagnostics.Select(d => d.ToString()), without.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(with.Score());
        Assert.Null(without.Outline);
        Assert.Null(without.Score());
    }
}
