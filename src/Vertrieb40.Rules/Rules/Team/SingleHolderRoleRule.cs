using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1002 — a role in a team that only one person holds (principle 1.1: every role in a team is filled by
/// more than one person). One diagnostic per team and role, at the team, with the role as additional
/// location and the properties <c>unitId</c> and <c>roleId</c> for the code fix.
/// Option <c>VT1002.minHolders</c> (default 2): the number of people each role should have.
/// </summary>
[RequiresFacts(InputFacts.Teams, InputFacts.Roles)]
[Name(RuleIds.VT1002), Description("Team role with a single holder")]
internal sealed class SingleHolderRoleRule : OrganizationRule
{
    /// <summary>VT1002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1002, DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Fixable);

    /// <summary>The property with the team's id.</summary>
    public const string UnitIdProperty = "unitId";

    /// <summary>The property with the role's id.</summary>
    public const string RoleIdProperty = "roleId";

    /// <summary>The property that marks a leadership role ("true"), for which no second holder is proposed.</summary>
    public const string LeadershipProperty = "leadership";

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [TeamRoleStaffing.Fact];

    /// <summary>The number of direct members who should hold each role the team has.</summary>
    public static readonly RuleOption<int> MinHoldersOption =
        RuleOption.Int(RuleIds.VT1002, "minHolders", 2, "the number of direct members of a team who should hold each role the team has (1 or more)", min: 1);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MinHoldersOption];

    /// <summary>The number of people each role in a team should have at least.</summary>
    public static int MinHolders(RuleOptions options) => options.Get(MinHoldersOption);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        TeamRoleStaffing staffing = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => staffing, s => s.MembersWithoutRoles == 0 && s.FewestHolders < MinHolders(options));
        Then()
            .Do(_ => Report(context, staffing, MinHolders(options)));
    }

    // One fact per team (not per team and role): each of its roles with too few holders is one diagnostic.
    private static void Report(AnalysisContext context, TeamRoleStaffing staffing, int minHolders)
    {
        foreach (var role in staffing.Roles)
            if (role.Holders < minHolders) Report(context, staffing, role, minHolders);
    }

    private static void Report(AnalysisContext context, TeamRoleStaffing staffing, RoleHolders role, int minHolders)
    {
        // The code fix relies on the two properties to find the team and the role.
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [UnitIdProperty] = staffing.Team.Id,
            [RoleIdProperty] = role.Role.Id,
        };
        var leadership = IsLeadership(role.Role);
        if (leadership) properties[LeadershipProperty] = "true";
        context.Report(Descriptor, staffing.Team, new[] { role.Role }, properties,
            ArgumentSource.Name(staffing.Team), ArgumentSource.Name(role.Role),
            ArgumentSource.Derived(role.Holders, "directMembersHoldingRole", staffing.Team.Pointer, role.Role.Pointer),
            ArgumentSource.Derived(staffing.Members, "directMembers", staffing.Team),
            ArgumentSource.Option(minHolders, MinHoldersOption),
            ArgumentSource.Constant(new LocalizableResourceString(leadership ? "VT1002_RemedyLeadership" : "VT1002_Remedy", RuleDescriptors.Team)));
    }

    /// <summary>
    /// True for a leadership role — function management, or a name or id with one of <see cref="LeadershipWords"/>
    /// ("Sales team lead", "Teamleitung"): the article wants leadership detached from persons (L40), so the remedy
    /// is to share its tasks, not to add a second lead, and the code fix is not offered.
    /// </summary>
    public static bool IsLeadership(Role role)
        => role.Function == BusinessFunction.Management
           || LeadershipWords.Any(w => (role.Name ?? "").Contains(w, StringComparison.OrdinalIgnoreCase)
                                       || role.Id.Replace('-', ' ').Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parts of a role's name that mark it as leadership (English and German).</summary>
    public static readonly string[] LeadershipWords =
        { "team lead", "teamlead", "head of", "leadership", "teamleit", "leiter", "leitung", "führung" };
}
