using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1004 — a "team" whose members do not depend on each other (principle 1.1: most sales teams are groups,
/// not teams; principle 1.2: real interdependence). Reported when the team says it has no shared goal
/// (<c>sharedGoal: false</c>), or, when it does not say, when every direct member is measured by an
/// individual target and no team- or unit-level target reaches the team.
/// </summary>
[RequiresFacts(InputFacts.Teams, InputFacts.TeamGoals)]
[Name("VT1004"), Description("Team without interdependence")]
public sealed class MissingInterdependenceRule : OrganizationRule
{
    /// <summary>VT1004.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1004", DiagnosticCategories.Team, DiagnosticSeverity.Info);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the team is a group of people working alone.</summary>
    public static bool LacksInterdependence(TeamGoalCoverage team)
        => team.Team.SharedGoal == false || (team.Team.SharedGoal is null && team.EveryMemberMeasuredAlone);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        TeamGoalCoverage team = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => team, t => LacksInterdependence(t));
        Then()
            .Do(_ => context.Report(Descriptor, team.Team,
                team.Team.DisplayName, team.Members,
                new LocalizableResourceString(team.Team.SharedGoal == false ? "VT1004_NoSharedGoal" : "VT1004_MeasuredAlone", RuleDescriptors.Team)));
    }
}
