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
[Name("VT2002"), Description("Creative or complex work forced through a rigid process")]
internal sealed class RigidCreativeProcessRule : OrganizationRule
{
    /// <summary>VT2002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT2002", DiagnosticCategories.Digitalisation, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the process prescribes a mandatory sequence for work that needs ideas.</summary>
    public static bool IsRigidCreativeProcess(WorkProcess process, RuleOptions options)
        => process.WorkType is WorkType.Creative or WorkType.Complex
           && process.Mandatory
           && process.Steps >= options.Int("VT2002", "minSteps", 3, min: 0);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        WorkProcess process = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => process, p => IsRigidCreativeProcess(p, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, process, "mandatory", null, null,
                process.DisplayName, Terms.Of(process.WorkType), process.Steps, MessageParts.UnitName(process.PerformedByUnit)));
    }
}
