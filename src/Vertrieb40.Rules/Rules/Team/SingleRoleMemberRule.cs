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
[Name(RuleIds.VT1001), Description("Team member with a single role")]
internal sealed class SingleRoleMemberRule() : FactRule<TeamStaffing>(Descriptor)
{
    /// <summary>VT1001.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1001, DiagnosticCategories.Team, DiagnosticSeverity.Warning);

    /// <summary>The number of roles each member should hold at least.</summary>
    public static readonly RuleOption<int> MinRolesOption =
        RuleOption.Int(RuleIds.VT1001, "minRoles", 2, "the number of roles each direct member of a team should hold at least (1 or more; 1 turns the rule into \"members without any role\")", min: 1);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MinRolesOption];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [TeamStaffing.Fact];

    /// <summary>The number of roles each member should hold at least.</summary>
    public static int MinRoles(RuleOptions options) => options.Get(MinRolesOption);

    /// <summary>Some members hold fewer roles than they should.</summary>
    protected override bool IsFinding(TeamStaffing team, RuleOptions options) => team.MembersWithFewerRolesThan(MinRoles(options)) > 0;

    /// <inheritdoc />
    protected override Entity Subject(TeamStaffing team) => team.Team;

    /// <inheritdoc />
    protected override object?[] MessageArguments(TeamStaffing team, AnalysisContext context)
        => [ArgumentSource.Name(team.Team),
            ArgumentSource.Derived(team.MembersWithFewerRolesThan(MinRoles(context.Options)), "directMembersWithFewerRoles", team.Team),
            ArgumentSource.Derived(team.Members, "directMembers", team.Team), ArgumentSource.Option(MinRoles(context.Options), MinRolesOption)];
}
