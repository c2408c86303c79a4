using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1003 — the funnel of one offering is split by function across units, so work is handed over at their
/// interfaces (principle 1.1, article L83–91 and L102: end the functional split of the funnel; principle 2.5).
/// A unit carrying a step inside another carrying unit belongs to it (a cross-functional team and its own
/// sub-team are one carrier); the split needs carriers of at least two different functions.
/// Option <c>VT1003.minUnits</c> (default 2): from how many such carriers the funnel counts as split.
/// </summary>
[RequiresFacts(InputFacts.OfferingFunnels)]
[Name(RuleIds.VT1003), Description("Funnel split across units")]
internal sealed class SplitFunnelRule : OrganizationRule
{
    /// <summary>VT1003.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1003, DiagnosticCategories.Team, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>From how many carrying units a funnel counts as split.</summary>
    public static readonly RuleOption<int> MinUnits =
        RuleOption.Int(RuleIds.VT1003, "minUnits", 2, "from how many outermost carrying units (of at least two functions) a funnel counts as split (2 or more)", min: 2);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MinUnits];

    /// <summary>The outermost units that carry a step of the offering's funnel (a carrier inside another one is part of it).</summary>
    public static Unit[] Carriers(Offering offering)
    {
        var units = new List<Unit>();
        foreach (var step in offering.Funnel)
            if (step.Unit != null && !units.Contains(step.Unit)) units.Add(step.Unit);
        return units.Where(u => !units.Any(o => !ReferenceEquals(o, u) && u.IsWithin(o))).ToArray();
    }

    /// <summary>The number of outermost carrying units.</summary>
    public static int CarryingUnits(Offering offering) => Carriers(offering).Length;

    /// <summary>True when the funnel is carried by enough outermost units of at least two functions.</summary>
    public static bool IsSplit(Offering offering, RuleOptions options)
    {
        var carriers = Carriers(offering);
        return carriers.Length >= options.Get(MinUnits)
               && carriers.Select(u => u.Function).Distinct().Count() >= 2;
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Offering offering = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => offering, o => IsSplit(o, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, offering, "funnel", null, null,
                ArgumentSource.Name(offering), ArgumentSource.Count(offering.Funnel.Count, offering, "funnel"),
                ArgumentSource.Derived(CarryingUnits(offering), "outermostCarryingUnits", ArgumentSource.PointerOf(offering, "funnel"))));
    }
}
