using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1003 — the funnel of one offering is carried by several units, so work is handed over at their
/// interfaces (principle 1.1: put every role of the funnel inside one team; principle 2.5: silos).
/// Option <c>VT1003.minUnits</c> (default 2): from how many carrying units on the funnel counts as split.
/// </summary>
[RequiresFacts(InputFacts.OfferingFunnels)]
[Name("VT1003"), Description("Funnel split across units")]
public sealed class SplitFunnelRule : OrganizationRule
{
    /// <summary>VT1003.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1003", DiagnosticCategories.Team, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The distinct units that carry a step of the offering's funnel.</summary>
    public static int CarryingUnits(Offering offering)
    {
        var units = new HashSet<Unit>();
        foreach (var step in offering.Funnel)
            if (step.Unit != null) units.Add(step.Unit);
        return units.Count;
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
            .Match(() => offering, o => CarryingUnits(o) >= options.Int("VT1003", "minUnits", 2, min: 2));
        Then()
            .Do(_ => context.Report(Descriptor, offering,
                offering.DisplayName, offering.Funnel.Count, CarryingUnits(offering)));
    }
}
