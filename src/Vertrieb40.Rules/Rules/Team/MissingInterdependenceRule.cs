using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1004 — a "team" whose members do not depend on each other (principle 1.1; article L52–56: a team is
/// defined by strong dependencies in doing the work, which appear when people need other roles to win
/// leads or sell). Reported when the team says its members share no goal (<c>sharedGoal: false</c>), or when
/// the work itself gives them nothing to depend on: every role its direct members hold works at one and the
/// same funnel stage (our reading: everybody does the same step, each on their own). A stated shared goal or a
/// team target does not silence the second case — a label is no dependency. Teams with fewer than two direct
/// members, or whose roles name no funnel stage, are not judged.
/// </summary>
[RequiresFacts(InputFacts.Teams, InputFacts.Roles)]
[Name(RuleIds.VT1004), Description("Team without interdependence")]
internal sealed class MissingInterdependenceRule : OrganizationRule
{
    /// <summary>VT1004.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1004, DiagnosticCategories.Team, DiagnosticSeverity.Info);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [TeamWork.Fact];

    /// <summary>True when the team states that its members share no goal.</summary>
    public static bool StatesNoSharedGoal(TeamWork team) => team.Team.SharedGoal == false;

    /// <summary>True when the team has at least two members and all their roles work at one funnel stage.</summary>
    public static bool WorksAtOneStage(TeamWork team) => team.Members >= 2 && team.StagesKnown && team.Stages == 1;

    /// <summary>True when the team is a group of people working side by side.</summary>
    public static bool LacksInterdependence(TeamWork team) => StatesNoSharedGoal(team) || WorksAtOneStage(team);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        TeamWork team = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => team, t => LacksInterdependence(t));
        Then()
            .Do(_ => context.Report(Descriptor, team.Team,
                ArgumentSource.Name(team.Team), ArgumentSource.Derived(team.Members, "directMembers", team.Team), Reason(team)));
    }

    private static SourcedArgument Reason(TeamWork team)
        => WorksAtOneStage(team)
            ? ArgumentSource.Derived(new LocalizableFormat(new LocalizableResourceString("VT1004_OneStage", RuleDescriptors.Team), Terms.Of(team.SingleStage)),
                "funnelStageOfMembersRoles", team.Team.Pointer)
            : ArgumentSource.Derived(new LocalizableResourceString("VT1004_NoSharedGoal", RuleDescriptors.Team), "noSharedGoal",
                ArgumentSource.PointerOf(team.Team, "sharedGoal"));
}
