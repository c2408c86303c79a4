using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3006 — a price list or discount matrix with thresholds above which someone must approve (principle
/// 3.2; article L399: price lists with <i>fictitious</i> price thresholds, so that nobody "gives products away",
/// are a Theory-X practice). The document cannot say whether a limit is fictitious; our reading is a staircase —
/// a price list or discount matrix with several approval steps, set by rule rather than by the deal. A single
/// threshold (one limit above which someone signs) is not reported by default. One diagnostic per policy.
/// Options: <c>VT3006.subjects</c> (default discount, price) and <c>VT3006.minThresholds</c> (default 2).
/// </summary>
[RequiresFacts(InputFacts.ApprovalPolicies)]
[Name(RuleIds.VT3006), Description("Discount or price thresholds that need approval")]
internal sealed class DiscountThresholdRule : OrganizationRule
{
    /// <summary>VT3006.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3006, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);


    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The policy subjects reported.</summary>
    public static readonly RuleOption<IReadOnlySet<ApprovalSubject>> Subjects = RuleOption.Set(RuleIds.VT3006, "subjects",
        [ApprovalSubject.Discount, ApprovalSubject.Price], "the policy subjects reported (comma-separated: discount, price, offer, calculation, contract, expense, hiring, other)");

    /// <summary>From how many thresholds a policy is a price staircase.</summary>
    public static readonly RuleOption<int> MinThresholdsOption = RuleOption.Int(RuleIds.VT3006, "minThresholds", 2,
        "from how many thresholds a policy is a price staircase (1: report any threshold)", min: 1);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Subjects, MinThresholdsOption];

    /// <summary>True when the policy puts price or discount thresholds under approval.</summary>
    public static bool HasPriceThresholds(ApprovalPolicy policy, RuleOptions options)
        => policy.Thresholds.Count >= MinThresholds(options) && options.Get(Subjects).Contains(policy.Subject);

    /// <summary>The number of thresholds from which a policy is a price staircase.</summary>
    public static int MinThresholds(RuleOptions options) => options.Get(MinThresholdsOption);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        ApprovalPolicy policy = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => policy, p => HasPriceThresholds(p, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, policy, "thresholds", null, null,
                ArgumentSource.Name(policy), ArgumentSource.Stated(Terms.Of(policy.Subject), policy, "subject"),
                ArgumentSource.Count(policy.Thresholds.Count, policy, "thresholds"), ArgumentSource.Reach(context.Model, policy, "appliesTo", policy.AppliesTo)));
    }
}
