using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3001 — commission, bonus, SPIFF or any other pay that depends on results (principle 3.3, "the
/// devil's practice"). One diagnostic per plan, however many people take part.
/// Option <c>VT3001.allowCompanyProfitShare</c> (default true): a share of the company's profit that goes to
/// everyone in the company (scope <c>everyone</c>, or the company unit without a role filter) and is not split by
/// result is participation, not an incentive — the product's reading; the article asks to abolish every form of
/// incentive. A "company level" profit share paid to sales roles only is an incentive for those roles. A plan without
/// <c>level</c> is reported with "level not stated": commissions, bonuses and SPIFFs harm whatever their level.
/// Schema 1.1: the plan's rate, period, split and who decided it appear in the message when stated; and a
/// recognition programme with a prize (a contest with a trip to win) is pay for results too (article L439: "every
/// form of incentive"), reported here at the programme with its own message (matches <see cref="PayForResults"/>).
/// </summary>
[RequiresFacts(InputFacts.IncentivePlans)]
[Name(RuleIds.VT3001), Description("Commission, bonus or other incentive pay")]
internal sealed class IncentivePayRule : OrganizationRule
{
    /// <summary>VT3001.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3001, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Error, WellKnownTags.Practice, WellKnownTags.Fixable);

    // The same rule at a recognition programme with a prize: "Recognition programme '…' gives a prize …".
    private static readonly DiagnosticDescriptor PrizeDescriptor =
        RuleDescriptors.Variant(Descriptor, DiagnosticCategories.Effectiveness, "MessagePrize");

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [PayForResults.Fact];

    /// <summary>Whether a profit share that goes to everyone is exempt.</summary>
    public static readonly RuleOption<bool> AllowCompanyProfitShare = RuleOption.Bool(RuleIds.VT3001, "allowCompanyProfitShare", true,
        "true (default): a profit share that goes to everyone (scope everyone or the company unit) and is not split by result is not an incentive");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [AllowCompanyProfitShare];

    /// <summary>True when the plan pays money that depends on performance.</summary>
    public static bool IsIncentive(IncentivePlan plan, RuleOptions options) => plan.Type switch
    {
        IncentiveType.Fixed => false,
        IncentiveType.ProfitShare => !(GoesToEveryone(plan) && plan.Distribution != PayDistribution.ByResult
                                       && options.Get(AllowCompanyProfitShare)),
        _ => true,
    };

    /// <summary>True when the plan or programme pays for results under the given options (a programme: it states a prize).</summary>
    public static bool IsIncentive(PayForResults pay, RuleOptions options)
        => pay.Plan is null ? pay.Program != null : IsIncentive(pay.Plan, options);

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
        PayForResults pay = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => pay, p => IsIncentive(p, options));
        Then()
            .Do(_ => Report(context, pay));
    }

    private static void Report(AnalysisContext context, PayForResults pay)
    {
        if (pay.Plan is { } plan)
        {
            context.ReportAt(Descriptor, plan, "type", null, null,
                ArgumentSource.Name(plan), ArgumentSource.Stated(Terms.Of(plan.Type), plan, "type"), ArgumentSource.Optional(plan.Level, plan, "level"),
                ArgumentSource.Optional(plan.Metric, plan, "metric"), ArgumentSource.Reach(context.Model, plan, "participants", plan.Participants),
                Details(plan, context.Model));
            return;
        }
        var program = pay.Program!;
        context.Report(Diagnostic.Create(PrizeDescriptor, context.LocationOf(program, "prize"), null, null,
            ArgumentSource.Name(program), ArgumentSource.Stated(Terms.Of(program.Kind), program, "kind"), ArgumentSource.Stated(program.Prize, program, "prize"),
            ArgumentSource.Reach(context.Model, program, "participants", program.Participants)));
    }

    // What schema 1.1 lets a plan say about itself, each part only when stated: ", rate: 3 %, temporary: Q4 2026, …".
    private static SourcedArgument Details(IncentivePlan plan, SemanticModel model)
    {
        string[] said = ["rate", "temporary", "period", "distribution", "decidedBy"];
        var parts = new List<LocalizableString>();
        LocalizableString Part(string key, params object?[] args) => new LocalizableFormat(new LocalizableResourceString(key, RuleDescriptors.Effectiveness), args);
        if (plan.Rate is { } rate) parts.Add(Part("VT3001_Rate", rate));
        if (plan.Temporary == true) parts.Add(plan.Period is { Length: > 0 } p ? Part("VT3001_TemporaryPeriod", p) : Part("VT3001_Temporary"));
        else if (plan.Period is { Length: > 0 } period) parts.Add(Part("VT3001_Period", period));
        if (plan.Distribution is { } split) parts.Add(Part("VT3001_Distribution", Terms.Of(split)));
        if (plan.DecidedBy is { } by && !by.IsEmpty)
            parts.Add(by.Everyone ? Part("VT3001_DecidedByEveryone") : Part("VT3001_DecidedBy", model.Reach(by)));
        // The source lists the 1.1 properties the plan states (those the sentence is made of).
        var stated = said.Where(plan.HasPropertyPosition).Select(p => ArgumentSource.PointerOf(plan, p)).ToArray();
        return parts.Count == 0
            ? new SourcedArgument("", stated.Length == 0 ? ArgumentSource.Absent(plan, said) : "derived(details: " + string.Join(", ", stated) + ")")
            : ArgumentSource.Derived(new LocalizableFormat(", {0}", new LocalizableList(parts)), "details", stated);
    }
}
