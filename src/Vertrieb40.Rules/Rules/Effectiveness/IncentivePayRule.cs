using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3001 — commission, bonus, SPIFF or any other pay that depends on results (principle 3.3, "the
/// devil's practice"). One diagnostic per plan, however many people take part.
/// Option <c>VT3001.allowCompanyProfitShare</c> (default true): a share of the company's profit that goes to
/// everyone in the company (scope <c>everyone</c>, or the company unit without a role filter) is participation,
/// not an incentive — the product's reading; the article asks to abolish every form of incentive. A "company
/// level" profit share paid to sales roles only is an incentive for those roles. A plan without <c>level</c> is
/// reported with "level not stated": commissions, bonuses and SPIFFs harm whatever their level.
/// </summary>
[RequiresFacts(InputFacts.IncentivePlans)]
[Name("VT3001"), Description("Commission, bonus or other incentive pay")]
internal sealed class IncentivePayRule : OrganizationRule
{
    /// <summary>VT3001.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3001", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Error, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the plan pays money that depends on performance.</summary>
    public static bool IsIncentive(IncentivePlan plan, RuleOptions options) => plan.Type switch
    {
        IncentiveType.Fixed => false,
        IncentiveType.ProfitShare => !(GoesToEveryone(plan) && options.Bool("VT3001", "allowCompanyProfitShare", true)),
        _ => true,
    };

    /// <summary>
    /// True when the document says the plan reaches everyone in the company: scope <c>everyone</c>, or only
    /// company units (kind company, no parent) with no role filter. The plan's <c>level</c> is not enough.
    /// </summary>
    public static bool GoesToEveryone(IncentivePlan plan)
    {
        var scope = plan.Participants;
        if (scope.Everyone) return true;
        if (scope.Units.Count == 0 || scope.Roles.Count > 0 || scope.RoleIds.Count > 0) return false;
        foreach (var u in scope.Units)
            if (u.Kind != UnitKind.Company || u.Parent != null) return false;
        return true;
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        IncentivePlan plan = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => plan, p => IsIncentive(p, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, plan, "type", null, null,
                plan.DisplayName, Terms.Of(plan.Type), Terms.OfOrNotStated(plan.Level), Terms.OrUnspecified(plan.Metric),
                context.Model.Reach(plan.Participants)));
    }
}
