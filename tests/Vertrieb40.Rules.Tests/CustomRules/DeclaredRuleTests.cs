using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.CustomRules;

/// <summary>
/// A new rule in about 20 lines: one kind of fact, a predicate, the message arguments and a declared option. It reads
/// as a sentence — "a mandatory process with more than maxSteps steps is reported with its name and step count".
/// </summary>
[Name("TEST0001"), Description("Long mandatory process")]
public sealed class LongMandatoryProcessRule() : FactRule<WorkProcess>(Descriptor)
{
    public static readonly DiagnosticDescriptor Descriptor = new("TEST0001", "Long mandatory process",
        "Process '{0}' prescribes {1} mandatory steps", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly RuleOption<int> MaxSteps = RuleOption.Int("TEST0001", "maxSteps", 10, "the most mandatory steps a process may have", min: 1);

    public override IReadOnlyList<RuleOption> SupportedOptions => [MaxSteps];

    protected override bool IsFinding(WorkProcess process, RuleOptions options) => process.Mandatory && process.Steps > options.Get(MaxSteps);

    protected override object?[] MessageArguments(WorkProcess process, AnalysisContext context) => [process.DisplayName, process.Steps];
}

/// <summary>A team and its direct members: a derived fact declared by the rule below, which counts how often it is built.</summary>
public sealed record TeamHeadcount(Unit Team, int Members);

[Name("TEST0002"), Description("Team too small")]
public sealed class SmallTeamRule() : FactRule<TeamHeadcount>(Descriptor)
{
    public static readonly DiagnosticDescriptor Descriptor = new("TEST0002", "Team too small",
        "Team '{0}' has {1} direct members", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private int _builds;

    public int Builds => _builds;

    public override IReadOnlyList<DerivedFact> DerivedFacts => [DerivedFact.Of(Build)];

    private List<TeamHeadcount> Build(SemanticModel model)
    {
        Interlocked.Increment(ref _builds);
        return model.Organization.Units.Where(u => u.Kind == UnitKind.Team).Select(u => new TeamHeadcount(u, model.DirectPeople(u))).ToList();
    }

    protected override bool IsFinding(TeamHeadcount team, RuleOptions options) => team.Members < 2;

    protected override Entity Subject(TeamHeadcount team) => team.Team;

    protected override object?[] MessageArguments(TeamHeadcount team, AnalysisContext context) => [team.Team.DisplayName, team.Members];
}

/// <summary>Matches the derived fact without declaring it: refused when the engine is created.</summary>
[Name("TEST0003"), Description("Undeclared derived fact")]
public sealed class UndeclaredFactRule() : FactRule<TeamHeadcount>(SmallTeamRule.Descriptor)
{
    protected override bool IsFinding(TeamHeadcount team, RuleOptions options) => true;

    protected override Entity Subject(TeamHeadcount team) => team.Team;

    protected override object?[] MessageArguments(TeamHeadcount team, AnalysisContext context) => [team.Team.DisplayName, team.Members];
}

public class DeclaredRuleTests
{
    private static readonly string Json = TestOrg.Doc(TestOrg.Structure + """
,
  "processes": [
    { "id": "pr-long", "name": "Offer approval", "workType": "routine", "mandatory": true, "steps": 14 },
    { "id": "pr-short", "name": "Checklist", "workType": "routine", "mandatory": true, "steps": 3 }
  ]
""");

    [Fact]
    public void A_rule_of_the_common_shape_runs_through_the_public_api_with_its_declared_option()
    {
        var analyzer = OrganizationAnalyzer.Create(new OrganizationRule[] { new LongMandatoryProcessRule() });
        var d = Assert.Single(analyzer.Analyze(TestOrg.Read(Json).Organization!).Diagnostics, x => x.Id == "TEST0001");
        Assert.Equal("pr-long", d.Location.EntityId);
        Assert.Equal("Process 'Offer approval' prescribes 14 mandatory steps", d.GetMessage(TestOrg.English));

        var options = new AnalysisOptions { RuleOptions = new RuleOptions(new Dictionary<string, string> { ["TEST0001.maxSteps"] = "2" }) };
        Assert.Equal(2, analyzer.Analyze(TestOrg.Read(Json).Organization!, options).Diagnostics.Count(x => x.Id == "TEST0001"));

        // Its option is checked like a built-in one: a misspelling is reported with the declared name.
        var misspelt = new AnalysisOptions { RuleOptions = new RuleOptions(new Dictionary<string, string> { ["TEST0001.maxStep"] = "2" }) };
        var problem = Assert.Single(analyzer.Analyze(TestOrg.Read(Json).Organization!, misspelt).Diagnostics, x => x.Id == "VT0203");
        Assert.Contains("did you mean 'maxSteps'", problem.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_rule_declares_its_derived_fact_and_it_is_built_only_when_the_rule_runs()
    {
        var rule = new SmallTeamRule();
        var analyzer = OrganizationAnalyzer.Create(new OrganizationRule[] { rule });
        var org = TestOrg.Read(Json).Organization!;

        var off = new AnalysisOptions { Configuration = AnalyzerConfiguration.Parse("vertrieb40_diagnostic.TEST0002.severity = none", "c") };
        Assert.DoesNotContain(analyzer.Analyze(org, off).Diagnostics, x => x.Id == "TEST0002");
        Assert.Equal(0, rule.Builds); // severity none: no derived-fact work at all

        var notSelected = new AnalysisOptions { OnlyRules = new[] { "VT1001" } };
        analyzer.Analyze(org, notSelected);
        Assert.Equal(0, rule.Builds);

        var findings = analyzer.Analyze(org).Diagnostics.Where(x => x.Id == "TEST0002").ToList();
        Assert.Equal(1, rule.Builds);
        Assert.Equal("u-south", Assert.Single(findings).Location.EntityId);
    }

    [Fact]
    public void A_rule_that_matches_a_derived_fact_it_does_not_declare_is_refused_when_the_engine_is_created()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => OrganizationAnalyzer.Create(new OrganizationRule[] { new UndeclaredFactRule() }));
        Assert.Contains("TEST0003", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(TeamHeadcount), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_derived_facts_are_built_only_for_rules_that_run()
    {
        // VT1001 is the only rule that needs TeamStaffing; switched off, the other rules' findings stay the same.
        var json = TestOrg.Doc(TestOrg.Structure);
        var all = TestOrg.Analyze(json).Diagnostics.Where(d => d.Id != "VT1001").Select(TestOrg.Short).ToList();
        var off = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json).Organization!,
            new AnalysisOptions { Configuration = AnalyzerConfiguration.Parse("vertrieb40_diagnostic.VT1001.severity = none", "c") });
        Assert.Equal(all, off.Diagnostics.Select(TestOrg.Short).ToList());
    }
}
