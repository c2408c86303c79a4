using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1009 — targets set per person (principle 1.3, self-organisation: leave out individual targets;
/// principle 3.4, individual performance is a myth). One diagnostic per target scheme.
/// </summary>
[RequiresFacts(InputFacts.Targets)]
[Name("VT1009"), Description("Individual target")]
internal sealed class IndividualTargetRule : OrganizationRule
{
    /// <summary>VT1009.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1009", DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        Target target = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => target, t => t.Level == MeasurementLevel.Individual);
        Then()
            .Do(_ => context.ReportAt(Descriptor, target, "level", null, null,
                target.DisplayName, Terms.OrUnspecified(target.Metric), Terms.OrUnspecified(target.Period),
                context.Model.Reach(target.AppliesTo)));
    }
}
