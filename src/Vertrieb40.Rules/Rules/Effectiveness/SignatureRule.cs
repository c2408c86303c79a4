using System.Globalization;
using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3007 — signature rules: offers or calculations must be signed off by someone of formally higher rank
/// (principle 3.2, a Theory-X practice; principle 1.2: the rule takes the responsibility away from the
/// people doing the work). One diagnostic per policy, at the policy (the code fix removes the higher-rank
/// steps; their indices are in the property <c>higherRankSteps</c>). Option <c>VT3007.subjects</c>
/// (default offer, calculation).
/// </summary>
[RequiresFacts(InputFacts.ApproverRanks)]
[Name("VT3007"), Description("Signature rule")]
internal sealed class SignatureRule : OrganizationRule
{
    /// <summary>VT3007.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3007", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <summary>The property listing the indices (in <c>steps</c>) of the higher-rank sign-off steps, comma-separated.</summary>
    public const string HigherRankStepsProperty = "higherRankSteps";

    /// <summary>The policy subjects reported by default.</summary>
    public static readonly ApprovalSubject[] DefaultSubjects = { ApprovalSubject.Offer, ApprovalSubject.Calculation };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the policy makes someone of higher rank sign off the work under the given options.</summary>
    public static bool IsSignatureRule(ApprovalPolicy policy, RuleOptions options)
        => options.Set("VT3007", "subjects", DefaultSubjects).Contains(policy.Subject) && policy.Steps.Any(s => s.HigherRank == true);

    /// <summary>The indices of the higher-rank steps.</summary>
    public static IReadOnlyList<int> HigherRankSteps(ApprovalPolicy policy)
        => Enumerable.Range(0, policy.Steps.Count).Where(i => policy.Steps[i].HigherRank == true).ToArray();

    private static void Report(AnalysisContext context, ApprovalPolicy policy)
    {
        var steps = HigherRankSteps(policy);
        var properties = new Dictionary<string, string?>
        {
            [HigherRankStepsProperty] = string.Join(",", steps.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        };
        context.ReportAt(Descriptor, policy, "steps", null, properties,
            policy.DisplayName, Terms.Of(policy.Subject), steps.Count, context.Model.Reach(policy.AppliesTo));
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        ApprovalPolicy policy = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => policy, p => IsSignatureRule(p, options));
        Then()
            .Do(_ => Report(context, policy));
    }
}
