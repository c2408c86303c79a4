using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Tests.Infrastructure;


namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>
/// Issue 17: a rule that runs away does not hold the run. Each rule has a time budget per document; a rule over it
/// is stopped and reported as VT0100, the other rules go on; a rule that does not stop makes the document's result
/// incomplete (VT0100 as an error) instead of hanging. The budgets here are small so that the tests are quick; no
/// assertion depends on how fast the machine is beyond "it ends".
/// </summary>
[Collection(nameof(RuleTimeBudgetTests))] // the runaway rules share static switches
public class RuleTimeBudgetTests
{
    private const string ThreeMeetings = """
{ "schemaVersion": "1.0",
  "meetings": [ { "id": "m1", "purpose": "pipelineReview", "cadence": "weekly" }, { "id": "m2", "purpose": "coordination" }, { "id": "m3", "purpose": "coordination" } ] }
""";

    private static volatile bool s_release;
    private static int s_firings;

    /// <summary>Loops until its token says stop: the cooperative case.</summary>
    [Name("TST-loops-politely")]
    public sealed class CooperativeLoopRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [EngineTests.Declared];
        public override void Define()
        {
            AnalysisContext ctx = null!;
            Meeting m = null!;
            Dependency().Resolve(() => ctx);
            When().Match(() => m, x => x.Id == "m1");
            Then().Do(_ => Loop(ctx));
        }

        private static void Loop(AnalysisContext ctx)
        {
            while (true)
            {
                ctx.CancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(5);
            }
        }
    }

    /// <summary>Spins without looking at anything: what a runaway custom rule does.</summary>
    [Name("TST-spins")]
    public sealed class TightLoopRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [EngineTests.Declared];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m, x => x.Id == "m1");
            Then().Do(_ => Spin());
        }
    }

    /// <summary>A condition that spins: it runs while the facts are inserted.</summary>
    [Name("TST-spins-in-condition")]
    public sealed class TightLoopConditionRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [EngineTests.Declared];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m, x => SpinThenFalse(x));
            Then().Do(_ => Console.WriteLine(m.Id));
        }
    }

    /// <summary>Slow on every firing: the budget is the total.</summary>
    [Name("TST-slow-each-time")]
    public sealed class SlowEachFiringRule : OrganizationRule
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [EngineTests.Declared];
        public override void Define()
        {
            Meeting m = null!;
            When().Match(() => m);
            Then().Do(_ => Slow());
        }

        private static void Slow()
        {
            Interlocked.Increment(ref s_firings);
            Thread.Sleep(300);
        }
    }

    private static void Spin()
    {
        while (!s_release) { }
    }

    private static bool SpinThenFalse(Meeting m)
    {
        if (m.Id == "m2") Spin();
        return false;
    }

    private static IReadOnlyList<Diagnostic> AnalyzeWithin(OrganizationRule[] rules, TimeSpan budget)
    {
        var analyzer = OrganizationAnalyzer.Create(rules.Append(new EngineTests.ControlMeetingRuleProxy()));
        var run = Task.Run(() => analyzer.Analyze(TestOrg.Read(ThreeMeetings), new AnalysisOptions { RuleTimeBudget = budget }));
        Assert.True(run.Wait(TimeSpan.FromSeconds(120)), "the analysis hung: the budget did not stop the rule");
        return run.Result.Diagnostics;
    }

    [Fact]
    public void The_default_budget_is_60_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), AnalysisOptions.DefaultRuleTimeBudget);
        Assert.Equal(TimeSpan.FromSeconds(60), new AnalysisOptions().RuleTimeBudget);
    }

    [Fact]
    public void A_rule_that_looks_at_its_token_is_stopped_and_the_others_go_on()
    {
        var ds = AnalyzeWithin([new CooperativeLoopRule()], TimeSpan.FromMilliseconds(300));
        var failure = Assert.Single(ds, d => d.Id == "VT0100");
        Assert.Equal(DiagnosticSeverity.Warning, failure.Severity);
        var message = failure.GetMessage(TestOrg.English);
        Assert.Contains("TST-loops-politely", message);
        Assert.Contains("TimeoutException", message);
        Assert.Contains("time budget of 0.3 s", message);
        Assert.Contains("was stopped", message);
        Assert.Single(ds, d => d.Id == "VT1010"); // the other rule's finding is there
        Assert.Contains("angehalten", failure.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void A_rule_in_a_tight_loop_abandons_the_document_as_an_error_instead_of_hanging()
    {
        s_release = false;
        try
        {
            var ds = AnalyzeWithin([new TightLoopRule()], TimeSpan.FromMilliseconds(200));
            var failure = Assert.Single(ds, d => d.Id == "VT0100");
            Assert.Equal(DiagnosticSeverity.Error, failure.Severity);
            var message = failure.GetMessage(TestOrg.English);
            Assert.Contains("TST-spins", message);
            Assert.Contains("abandoned", message);
            Assert.Contains("incomplete", message);
        }
        finally
        {
            s_release = true; // lets the abandoned thread end
        }
    }

    [Fact]
    public void A_condition_in_a_tight_loop_abandons_the_document_instead_of_hanging()
    {
        s_release = false;
        try
        {
            var ds = AnalyzeWithin([new TightLoopConditionRule()], TimeSpan.FromMilliseconds(100));
            var failure = Assert.Single(ds, d => d.Id == "VT0100");
            Assert.Equal(DiagnosticSeverity.Error, failure.Severity);
            Assert.Contains("conditions", failure.GetMessage(TestOrg.English));
            Assert.Contains("abandoned", failure.GetMessage(TestOrg.English));
        }
        finally
        {
            s_release = true;
        }
    }

    [Fact]
    public void Many_slow_firings_add_up_to_the_budget_and_the_rest_are_skipped()
    {
        s_firings = 0;
        var ds = AnalyzeWithin([new SlowEachFiringRule()], TimeSpan.FromMilliseconds(500));
        var failure = Assert.Single(ds, d => d.Id == "VT0100");
        Assert.Contains("TST-slow-each-time", failure.GetMessage(TestOrg.English));
        Assert.Contains("was stopped", failure.GetMessage(TestOrg.English));
        Assert.InRange(s_firings, 1, 2); // three meetings match; the third firing never ran
        Assert.Single(ds, d => d.Id == "VT1010");
    }

    [Fact]
    public void Without_a_budget_nothing_is_watched()
    {
        var ds = AnalyzeWithin([new EngineTests.ThrowingActionRule()], Timeout.InfiniteTimeSpan);
        Assert.Contains(ds, d => d.Id == "VT0100" && d.GetMessage(TestOrg.English).Contains("boom"));
        Assert.Single(ds, d => d.Id == "VT1010");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e9")]
    public void The_cli_rejects_a_budget_that_is_not_a_number_of_seconds(string value)
    {
        var (code, output, err) = Safety.Cli.Run("analyze", SeedPaths.Classic, "--rule-time-budget", value);
        Assert.Equal(2, code);
        Assert.Contains("--rule-time-budget", err);
        Safety.Cli.AssertCleanFailure(output, err);
    }

    [Fact]
    public void The_cli_takes_a_budget_and_0_for_none()
    {
        Assert.Equal(1, Safety.Cli.Run("analyze", SeedPaths.Classic, "--rule-time-budget", "120").Code);
        Assert.Equal(1, Safety.Cli.Run("analyze", SeedPaths.Classic, "--rule-time-budget", "0").Code);
    }
}
