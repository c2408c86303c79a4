using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3008 — rule sprawl: a policy with exceptions to its exceptions (principle 3.2: regulating the
/// exception — a rule for every incident, exceptions to the rule, exceptions to the exceptions). One
/// diagnostic per policy. Option <c>VT3008.maxDepth</c> (default 0: the article's pattern begins with regulating the
/// exception, L409–415 — a rule gets an exception, then the exception gets one — so the first written exception
/// is already part of it; exceptions to exceptions, L417, are its far end).
/// </summary>
[RequiresFacts(InputFacts.ApprovalPolicies)]
[Name(RuleIds.VT3008), Description("Rule sprawl: exceptions to exceptions")]
internal sealed class RuleSprawlRule : OrganizationRule
{
    /// <summary>VT3008.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3008, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The deepest nesting of exceptions that is not reported.</summary>
    public static readonly RuleOption<int> MaxDepthOption = RuleOption.Int(RuleIds.VT3008, "maxDepth", 0,
        "the deepest nesting of exceptions that is not reported (default 0: report any exception)", min: 0);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MaxDepthOption];

    /// <summary>The deepest nesting of exceptions that is not reported.</summary>
    public static int MaxDepth(RuleOptions options) => options.Get(MaxDepthOption);

    /// <summary>How many exceptions the policy has, at every level.</summary>
    public static int ExceptionCount(ApprovalPolicy policy)
    {
        // Iterative: a hostile document may nest deeply.
        var count = 0;
        var pending = new Stack<PolicyException>(policy.Exceptions);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            count++;
            foreach (var inner in e.Exceptions) pending.Push(inner);
        }
        return count;
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
            .Match(() => policy, p => p.Exceptions.Count > 0 && p.ExceptionDepth > MaxDepth(options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, policy, "exceptions", null, null,
                ArgumentSource.Name(policy), ArgumentSource.Derived(policy.ExceptionDepth, "exceptionDepth", ArgumentSource.PointerOf(policy, "exceptions")),
                ArgumentSource.Derived(ExceptionCount(policy), "exceptionCount", ArgumentSource.PointerOf(policy, "exceptions")),
                ArgumentSource.Option(MaxDepth(options), MaxDepthOption)));
    }
}
