using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2002 — creative or complex work forced through a mandatory step-by-step process (principle 2.2,
/// creativity cannot be digitalised). Option <c>VT2002.minSteps</c> (default 3): fewer prescribed steps
/// are a checklist, not a rigid process.
/// </summary>
[RequiresFacts(InputFacts.Processes)]
[Name(RuleIds.VT2002), Description("Creative or complex work forced through a rigid process")]
internal sealed class RigidCreativeProcessRule() : FactRule<WorkProcess>(Descriptor)
{
    /// <summary>VT2002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2002, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The smallest number of mandatory steps that makes a rigid process.</summary>
    public static readonly RuleOption<int> MinSteps =
        RuleOption.Int(RuleIds.VT2002, "minSteps", 3, "the smallest number of mandatory steps that counts as a rigid process (default 3)", min: 0);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MinSteps];

    /// <summary>The process prescribes a mandatory sequence for work that needs ideas.</summary>
    protected override bool IsFinding(WorkProcess process, RuleOptions options)
        => process.WorkType is WorkType.Creative or WorkType.Complex && process.Mandatory && process.Steps >= options.Get(MinSteps);

    /// <inheritdoc />
    protected override string LocatedAt(WorkProcess process) => "mandatory";

    /// <inheritdoc />
    protected override object?[] MessageArguments(WorkProcess process, AnalysisContext context)
        => [ArgumentSource.Name(process), ArgumentSource.Stated(Terms.Of(process.WorkType), process, "workType"),
            ArgumentSource.Optional(process.Steps, process.HasPropertyPosition("steps"), process, "steps"), ArgumentSource.UnitName(process.PerformedByUnit, process, "performedByUnitId")];
}
