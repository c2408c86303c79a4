using System.Globalization;
using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3007 — signature rules: offers or calculations must be signed off by someone of formally higher rank
/// (principle 3.2, a Theory-X practice; principle 1.2: the rule takes the responsibility away from the
/// people doing the work). A sign-off is a step or (schema 1.1) a threshold whose approver is stated to rank
/// higher (<c>higherRank: true</c>); one that does not say is not claimed. One diagnostic per policy, at the
/// policy (the code fix removes the higher-rank steps, or else the higher-rank thresholds; their indices are in the
/// properties <c>higherRankSteps</c> and <c>higherRankThresholds</c>). Option <c>VT3007.subjects</c> (default:
/// every subject); a configured subject no policy of the document has is reported as an option without effect (VT0203).
/// </summary>
[RequiresFacts(InputFacts.ApproverRanks)]
[Name(RuleIds.VT3007), Description("Signature rule")]
internal sealed class SignatureRule : OrganizationRule
{
    /// <summary>VT3007.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3007, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <summary>The property listing the indices (in <c>steps</c>) of the higher-rank sign-off steps, comma-separated.</summary>
    public const string HigherRankStepsProperty = "higherRankSteps";

    /// <summary>The property listing the indices (in <c>thresholds</c>) of the higher-rank thresholds, comma-separated.</summary>
    public const string HigherRankThresholdsProperty = "higherRankThresholds";

    /// <summary>The policy subjects reported by default: all of them (a signature rule is one whatever it governs).</summary>
    public static readonly ApprovalSubject[] DefaultSubjects = Enum.GetValues<ApprovalSubject>();

    /// <summary>The subjects the rule judges under the given options.</summary>
    public static IReadOnlySet<ApprovalSubject> Subjects(RuleOptions options) => options.Get(SubjectsOption);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The policy subjects judged.</summary>
    public static readonly RuleOption<IReadOnlySet<ApprovalSubject>> SubjectsOption = RuleOption.Set(RuleIds.VT3007, "subjects", DefaultSubjects,
        "the policy subjects reported (comma-separated: discount, price, offer, calculation, contract, expense, hiring, other); default: all of them. A subject no policy of the document has is reported as VT0203 (the option has no effect on it).");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [SubjectsOption];

    /// <summary>True when the policy makes someone of higher rank sign off the work under the given options.</summary>
    public static bool IsSignatureRule(ApprovalPolicy policy, RuleOptions options)
        => Subjects(options).Contains(policy.Subject)
           && (policy.Steps.Any(s => s.HigherRank == true) || policy.Thresholds.Any(t => t.HigherRank == true));

    /// <summary>The indices of the higher-rank steps.</summary>
    public static IReadOnlyList<int> HigherRankSteps(ApprovalPolicy policy)
        => Enumerable.Range(0, policy.Steps.Count).Where(i => policy.Steps[i].HigherRank == true).ToArray();

    /// <summary>The indices of the thresholds above which someone of higher rank signs off (schema 1.1).</summary>
    public static IReadOnlyList<int> HigherRankThresholds(ApprovalPolicy policy)
        => Enumerable.Range(0, policy.Thresholds.Count).Where(i => policy.Thresholds[i].HigherRank == true).ToArray();

    /// <summary>
    /// The configured subjects no approval policy of the document has: the option cannot have an effect on them
    /// (VT0203). Nothing when the option is not configured.
    /// </summary>
    public static IReadOnlyList<ApprovalSubject> SubjectsWithoutEffect(Organization organization, RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsSet(SubjectsOption)) return Array.Empty<ApprovalSubject>();
        var used = organization.ApprovalPolicies.Select(p => p.Subject).ToHashSet();
        return Subjects(options).Where(s => !used.Contains(s)).Order().ToArray();
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> OptionsWithoutEffect(SemanticModel model, RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        var unused = SubjectsWithoutEffect(model.Organization, options);
        if (unused.Count == 0) yield break;
        var words = "'" + string.Join("', '", unused.Select(s => Text.EnumNames<ApprovalSubject>.Name(s))) + "'";
        yield return new(SubjectsOption.Key, unused.Count == 1
            ? $"subject {words} occurs in no approval policy of this document, so the option has no effect on it"
            : $"subjects {words} occur in no approval policy of this document, so the option has no effect on them");
    }

    private static void Report(AnalysisContext context, ApprovalPolicy policy)
    {
        var steps = HigherRankSteps(policy);
        var thresholds = HigherRankThresholds(policy);
        var properties = new Dictionary<string, string?>
        {
            [HigherRankStepsProperty] = string.Join(",", steps.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        };
        if (thresholds.Count > 0)
            properties[HigherRankThresholdsProperty] = string.Join(",", thresholds.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        context.ReportAt(Descriptor, policy, steps.Count > 0 ? "steps" : "thresholds", null, properties,
            ArgumentSource.Name(policy), ArgumentSource.Stated(Terms.Of(policy.Subject), policy, "subject"),
            ArgumentSource.Derived(steps.Count + thresholds.Count, "higherRankSignOffs",
                // Each stated higherRank; a step of a 1.0 document that leaves it out is the step itself (the 1.0 format's default).
                steps.Select(i => ArgumentSource.PointerOf(policy, "steps") + "/" + ArgumentSource.Index(i) + (policy.Steps[i].HigherRankByVersionDefault ? "" : "/higherRank"))
                    .Concat(thresholds.Select(i => ArgumentSource.PointerOf(policy, "thresholds") + "/" + ArgumentSource.Index(i) + "/higherRank")).ToArray()),
            ArgumentSource.Reach(context.Model, policy, "appliesTo", policy.AppliesTo));
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
