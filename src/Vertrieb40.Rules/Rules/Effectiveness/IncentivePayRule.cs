using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3001 — commission, bonus, SPIFF or any other pay that depends on results (principle 3.3, "the
/// devil's practice"). One diagnostic per plan, however many people take part.
/// Option <c>VT3001.allowCompanyProfitShare</c> (default true): an equal share of the company's profit
/// is participation, not an incentive.
/// </summary>
[Name("VT3001"), Description("Commission, bonus or other incentive pay")]
public sealed class IncentivePayRule : OrganizationRule
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
        IncentiveType.ProfitShare => !(plan.Level == MeasurementLevel.Company && options.Bool("VT3001", "allowCompanyProfitShare", true)),
        _ => true,
    };

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
                plan.DisplayName, Terms.Of(plan.Type), Terms.Of(plan.Level), Terms.OrUnspecified(plan.Metric),
                context.Model.Reach(plan.Participants)));
    }
}
