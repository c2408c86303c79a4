using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1001 — members of a team who hold only one role (principle 1.1: every member of a team holds more than
/// one role). One diagnostic per team, with the number of such members and the team's size.
/// Option <c>VT1001.minRoles</c> (default 2): the number of roles each member should hold.
/// </summary>
[RequiresFacts(InputFacts.Teams, InputFacts.Roles)]
[Name("VT1001"), Description("Team member with a single role")]
internal sealed class SingleRoleMemberRule : OrganizationRule
{
    /// <summary>VT1001.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1001", DiagnosticCategories.Team, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The number of roles each member should hold at least.</summary>
    public static int MinRoles(RuleOptions options) => options.Int("VT1001", "minRoles", 2, min: 1);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        TeamStaffing team = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => team, t => t.MembersWithFewerRolesThan(MinRoles(options)) > 0);
        Then()
            .Do(_ => context.Report(Descriptor, team.Team,
                team.Team.DisplayName, team.MembersWithFewerRolesThan(MinRoles(options)), team.Members, MinRoles(options)));
    }
}
