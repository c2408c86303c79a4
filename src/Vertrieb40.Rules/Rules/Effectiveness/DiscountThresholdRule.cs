using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3006 — a price list or discount matrix with thresholds above which someone must approve (principle
/// 3.2: price thresholds so that nobody "gives products away" are a Theory-X practice). One diagnostic per
/// policy. Option <c>VT3006.subjects</c> (default discount, price).
/// </summary>
[RequiresFacts(InputFacts.ApprovalPolicies)]
[Name("VT3006"), Description("Discount or price thresholds that need approval")]
public sealed class DiscountThresholdRule : OrganizationRule
{
    /// <summary>VT3006.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3006", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The policy subjects reported by default.</summary>
    public static readonly ApprovalSubject[] DefaultSubjects = { ApprovalSubject.Discount, ApprovalSubject.Price };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the policy puts price or discount thresholds under approval.</summary>
    public static bool HasPriceThresholds(ApprovalPolicy policy, RuleOptions options)
        => policy.Thresholds.Count > 0 && options.Set("VT3006", "subjects", DefaultSubjects).Contains(policy.Subject);

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
            .Do(_ => context.Report(Descriptor, policy,
                policy.DisplayName, Terms.Of(policy.Subject), policy.Thresholds.Count, context.Model.Reach(policy.AppliesTo)));
    }
}
