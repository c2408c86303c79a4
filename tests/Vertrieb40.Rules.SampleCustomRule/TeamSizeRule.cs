using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Acme.OrganizationRules;

/// <summary>
/// ACME0001 — a team with more direct members than the company's own limit (option <c>ACME0001.maxMembers</c>,
/// default 9). An example of a third party's rule, written against the public API only: one kind of fact, a
/// predicate and the message arguments (<see cref="FactRule{TFact}"/>), a declared option, and a derived fact of its own.
/// </summary>
[Name("ACME0001"), Description("Team too large")]
public sealed class TeamSizeRule() : FactRule<TeamSize>(Descriptor)
{
    /// <summary>ACME0001.</summary>
    public static readonly DiagnosticDescriptor Descriptor = new(
        "ACME0001",
        title: "Team too large",
        messageFormat: "Team '{0}' has {1} direct members; Acme keeps teams at {2} or fewer so that everyone can coordinate directly",
        category: "Acme",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Large teams split into sub-groups that hand work over to each other. Split the team along customer journeys.",
        helpLinkUri: "https://example.com/acme/rules/ACME0001");

    /// <summary>The most direct members a team may have.</summary>
    public static readonly RuleOption<int> MaxMembers = RuleOption.Int("ACME0001", "maxMembers", 9, "the most direct members a team may have", min: 1, max: 1000);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MaxMembers];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [TeamSize.Fact];

    /// <summary>The team has more direct members than the limit.</summary>
    protected override bool IsFinding(TeamSize team, RuleOptions options) => team.Members > options.Get(MaxMembers);

    /// <inheritdoc />
    protected override Entity Subject(TeamSize team) => team.Team;

    /// <inheritdoc />
    protected override object?[] MessageArguments(TeamSize team, AnalysisContext context)
        => [team.Team.DisplayName, team.Members, context.Options.Get(MaxMembers)];
}

/// <summary>A team and its number of direct members: a derived fact, built once per run from the semantic model.</summary>
/// <param name="Team">The team.</param>
/// <param name="Members">The people whose unit is the team itself.</param>
public sealed record TeamSize(Unit Team, int Members)
{
    /// <summary>One fact per unit of kind team.</summary>
    public static readonly DerivedFact Fact = DerivedFact.Of(
        (SemanticModel model) => model.Organization.Units.Where(u => u.Kind == UnitKind.Team).Select(u => new TeamSize(u, model.DirectPeople(u))).ToList());
}
