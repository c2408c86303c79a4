using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2005 — a hand-over between two silos of the funnel, e.g. marketing hands leads to sales (principle
/// 2.5, the digital future of B2B sales lies outside silos; also 1.1). Reported on the hand-over, which is
/// what the code fix removes. Option <c>VT2005.functions</c> (default marketing, sales, support, product,
/// engineering): the unit functions that count as silos; a hand-over inside one function, or to or from a
/// cross-functional unit or one of function "other", is not reported. Option <c>VT2005.salesWithAnyFunction</c>
/// (default true): a hand-over between sales and any other function — production and finance included — is
/// reported too (article L254–258 and L470: sales needs marketing, support, engineering, product management and
/// production; the silos are "marketing, sales, support, engineering and so on").
/// </summary>
[RequiresFacts(InputFacts.Handoffs)]
[Name(RuleIds.VT2005), Description("Hand-over between silos")]
internal sealed class SiloHandoffRule : OrganizationRule
{
    /// <summary>VT2005.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2005, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The unit functions that count as silos of the funnel.</summary>
    public static readonly RuleOption<IReadOnlySet<BusinessFunction>> Functions = RuleOption.Set(RuleIds.VT2005, "functions",
        [BusinessFunction.Marketing, BusinessFunction.Sales, BusinessFunction.Support, BusinessFunction.Product, BusinessFunction.Engineering],
        "the unit functions that count as silos of the funnel (comma-separated)");

    /// <summary>Whether hand-overs between sales and any other function are reported.</summary>
    public static readonly RuleOption<bool> SalesWithAnyFunction = RuleOption.Bool(RuleIds.VT2005, "salesWithAnyFunction", true,
        "also report hand-overs between sales and any other function (default true)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Functions, SalesWithAnyFunction];

    /// <summary>True when the hand-over crosses from one silo function to another under the given options.</summary>
    public static bool CrossesSilos(Handoff handoff, RuleOptions options)
    {
        if (handoff.FromUnit is not { } from || handoff.ToUnit is not { } to || from.Function == to.Function) return false;
        if (from.Function is BusinessFunction.CrossFunctional or BusinessFunction.Other || to.Function is BusinessFunction.CrossFunctional or BusinessFunction.Other) return false;
        var silos = options.Get(Functions);
        return (silos.Contains(from.Function) && silos.Contains(to.Function))
               || (options.Get(SalesWithAnyFunction) && (from.Function == BusinessFunction.Sales || to.Function == BusinessFunction.Sales));
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Handoff handoff = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => handoff, h => CrossesSilos(h, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, handoff, "artifact", null, null,
                ArgumentSource.Name(handoff), ArgumentSource.Optional(handoff.Artifact, handoff, "artifact"),
                ArgumentSource.Name(handoff.FromUnit!), ArgumentSource.Stated(Terms.Of(handoff.FromUnit!.Function), handoff.FromUnit, "function"),
                ArgumentSource.Name(handoff.ToUnit!), ArgumentSource.Stated(Terms.Of(handoff.ToUnit!.Function), handoff.ToUnit, "function")));
    }
}
