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
[Name(RuleIds.VT1009), Description("Individual target")]
internal sealed class IndividualTargetRule() : FactRule<Target>(Descriptor)
{
    /// <summary>VT1009.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1009, DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice, WellKnownTags.Fixable);

    /// <summary>The target is set per person.</summary>
    protected override bool IsFinding(Target target, RuleOptions options) => target.Level == MeasurementLevel.Individual;

    /// <inheritdoc />
    protected override string LocatedAt(Target target) => "level";

    /// <inheritdoc />
    protected override object?[] MessageArguments(Target target, AnalysisContext context)
        => [ArgumentSource.Name(target), ArgumentSource.Optional(target.Metric, target, "metric"), ArgumentSource.Optional(target.Period, target, "period"),
            ArgumentSource.Reach(context.Model, target, "appliesTo", target.AppliesTo)];
}
