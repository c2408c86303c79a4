using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Acme.OrganizationRules;

/// <summary>
/// ACME0001 — a team with more direct members than the company's own limit (option
/// <c>ACME0001.maxMembers</c>, default 9). An example of a third party's rule: an NRules rule deriving
/// from <see cref="OrganizationRule"/> with its own descriptor, reporting through <see cref="AnalysisContext"/>.
/// </summary>
[Name("ACME0001"), Description("Team too large")]
public sealed class TeamSizeRule : OrganizationRule
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

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        SemanticModel model = null!;
        Unit team = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => model)
            .Match(() => team, u => u.Kind == UnitKind.Team && model.DirectPeople(u) > options.Int("ACME0001", "maxMembers", 9, 1, 1000));
        Then()
            .Do(_ => context.Report(Descriptor, team, team.DisplayName, model.DirectPeople(team), options.Int("ACME0001", "maxMembers", 9, 1, 1000)));
    }
}
