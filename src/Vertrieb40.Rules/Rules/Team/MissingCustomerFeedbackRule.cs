using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1007 — a unit that works in the funnel but hears nothing from customers directly (principle 1.2:
/// direct feedback from the market to the people doing the work). A unit is in the funnel when its function
/// is one of <c>VT1007.functions</c> (default marketing, sales, support, product) or when it carries a step
/// of an offering's funnel. Reported when its <c>customerContact</c> is <c>none</c> or <c>indirect</c>: the article asks
/// for <i>direct</i> feedback (L125), so second-hand contact counts too; <c>VT1007.includeIndirect = false</c>
/// narrows the rule to <c>none</c>. A unit that does not state its contact is not reported.
/// </summary>
[RequiresFacts(InputFacts.CustomerContact)]
[Name(RuleIds.VT1007), Description("Funnel unit without direct customer feedback")]
internal sealed class MissingCustomerFeedbackRule : OrganizationRule
{
    /// <summary>VT1007.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1007, DiagnosticCategories.Team, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>Whether units that hear from customers only indirectly are reported.</summary>
    public static readonly RuleOption<bool> IncludeIndirect = RuleOption.Bool(RuleIds.VT1007, "includeIndirect", true,
        "report units that hear from customers only indirectly (default true; false: only \"none\")");

    /// <summary>The functions that count as working in the funnel.</summary>
    public static readonly RuleOption<IReadOnlySet<BusinessFunction>> Functions = RuleOption.Set(RuleIds.VT1007, "functions",
        [BusinessFunction.Marketing, BusinessFunction.Sales, BusinessFunction.Support, BusinessFunction.Product],
        "the functions that count as working in the funnel (comma-separated, camelCase as in documents)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [IncludeIndirect, Functions];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [FunnelCarriers.Fact];

    /// <summary>True when the unit's stated customer contact is too remote under the options.</summary>
    public static bool LacksDirectContact(Unit unit, RuleOptions options)
        => unit.CustomerContact == CustomerContact.None
           || (unit.CustomerContact == CustomerContact.Indirect && options.Get(IncludeIndirect));

    /// <summary>True when the unit's function belongs to the funnel under the options.</summary>
    public static bool HasFunnelFunction(Unit unit, RuleOptions options)
        => options.Get(Functions)
            .Contains(unit.Function);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        FunnelCarriers funnel = null!;
        Unit unit = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => funnel)
            .Match(() => unit, u => LacksDirectContact(u, options) && (HasFunnelFunction(u, options) || funnel.Carries(u)));
        Then()
            .Do(_ => context.Report(Descriptor, unit,
                ArgumentSource.Name(unit), Function(unit), Steps(unit, funnel),
                ArgumentSource.Stated(Terms.Of(unit.CustomerContact!.Value), unit, "customerContact")));
    }

    // A unit that carries a funnel step without stating its function: "function: not stated", never the default "other".
    private static SourcedArgument Function(Unit unit)
        => ArgumentSource.Optional(ArgumentSource.States(unit, "function") ? Terms.Of(unit.Function) : Terms.OfOrNotStated<BusinessFunction>(null),
            ArgumentSource.States(unit, "function"), unit, "function");

    // Counted over every offering's funnel: the steps whose unitId names this unit.
    private static SourcedArgument Steps(Unit unit, FunnelCarriers funnel)
        => ArgumentSource.Derived(funnel.StepsOf(unit), "funnelStepsCarried", unit.Pointer);
}
