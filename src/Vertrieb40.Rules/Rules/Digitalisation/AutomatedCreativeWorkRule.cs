using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2007 — creative or complex work handed to software (principle 2.2; article L215–219: a computer does not
/// come up with ideas, it carries out those of its programmers and users — explicitly including AI). Reported at
/// a process whose <c>workType</c> is creative or complex and whose <c>automation</c> is full, or partial with
/// <c>VT2007.includePartial</c> (default true: the article makes no exception for assisted work). Routine work
/// automated is what the article asks for (VT2004's opposite) and is not reported.
/// </summary>
[RequiresFacts(InputFacts.Processes)]
[Name(RuleIds.VT2007), Description("Creative or complex work automated")]
internal sealed class AutomatedCreativeWorkRule() : FactRule<WorkProcess>(Descriptor)
{
    /// <summary>VT2007.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2007, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <summary>Whether partly automated creative or complex work is reported too.</summary>
    public static readonly RuleOption<bool> IncludePartial =
        RuleOption.Bool(RuleIds.VT2007, "includePartial", true, "also report partly automated creative or complex work (default true)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [IncludePartial];

    /// <summary>Work that needs ideas is executed by software.</summary>
    protected override bool IsFinding(WorkProcess process, RuleOptions options)
        => process.WorkType is WorkType.Creative or WorkType.Complex
           && (process.Automation == Automation.Full || (process.Automation == Automation.Partial && options.Get(IncludePartial)));

    /// <inheritdoc />
    protected override object?[] MessageArguments(WorkProcess process, AnalysisContext context)
        => [ArgumentSource.Name(process), ArgumentSource.Stated(Terms.Of(process.WorkType), process, "workType"),
            ArgumentSource.Optional(process.Automation, process, "automation"), ArgumentSource.UnitName(process.PerformedByUnit, process, "performedByUnitId")];
}
