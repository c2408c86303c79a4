using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1002 — a role in a team that only one person holds (principle 1.1: every role in a team is filled by
/// more than one person). One diagnostic per team and role, at the team, with the role as additional
/// location and the properties <c>unitId</c> and <c>roleId</c> for the code fix.
/// Option <c>VT1002.minHolders</c> (default 2): the number of people each role should have.
/// </summary>
[RequiresFacts(InputFacts.Teams, InputFacts.Roles)]
[Name("VT1002"), Description("Team role with a single holder")]
public sealed class SingleHolderRoleRule : OrganizationRule
{
    /// <summary>VT1002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1002", DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Fixable);

    /// <summary>The property with the team's id.</summary>
    public const string UnitIdProperty = "unitId";

    /// <summary>The property with the role's id.</summary>
    public const string RoleIdProperty = "roleId";

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The number of people each role in a team should have at least.</summary>
    public static int MinHolders(RuleOptions options) => options.Int("VT1002", "minHolders", 2, min: 1);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        TeamRoleStaffing staffing = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => staffing, s => s.MembersWithoutRoles == 0 && s.Holders < MinHolders(options));
        Then()
            .Do(_ => Report(context, staffing, MinHolders(options)));
    }

    private static void Report(AnalysisContext context, TeamRoleStaffing staffing, int minHolders)
    {
        // The code fix relies on the two properties to find the team and the role.
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [UnitIdProperty] = staffing.Team.Id,
            [RoleIdProperty] = staffing.Role.Id,
        };
        context.Report(Descriptor, staffing.Team, new[] { staffing.Role }, properties,
            staffing.Team.DisplayName, staffing.Role.DisplayName, staffing.Holders, staffing.Members, minHolders);
    }
}
