using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2004 — routine, rule-based work done by hand that software could execute (principle 2.4,
/// effectiveness through digitised knowledge). From schema 1.1 a process may state its <c>effort</c> (how many people
/// spend which share of their working time on it): the message then says how much time automation would give back
/// (people × percent = full-time equivalents); an effort the document does not state is not estimated. Option <c>VT2004.includePartial</c> (default false): a
/// partly automated process is on its way and is not reported unless this is true.
/// </summary>
[RequiresFacts(InputFacts.RoutineAutomation)]
[Name(RuleIds.VT2004), Description("Routine work done by hand")]
internal sealed class ManualRoutineWorkRule() : FactRule<WorkProcess>(Descriptor)
{
    /// <summary>VT2004.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2004, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <summary>Whether partly automated routine processes are reported too.</summary>
    public static readonly RuleOption<bool> IncludePartial =
        RuleOption.Bool(RuleIds.VT2004, "includePartial", false, "also report partly automated routine processes (default false)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [IncludePartial];

    /// <summary>Routine work that people execute by hand.</summary>
    protected override bool IsFinding(WorkProcess process, RuleOptions options)
        => process.WorkType == WorkType.Routine
           && (process.Automation == Automation.None || (process.Automation == Automation.Partial && options.Get(IncludePartial)));

    /// <inheritdoc />
    protected override string LocatedAt(WorkProcess process) => "automation";

    /// <inheritdoc />
    protected override object?[] MessageArguments(WorkProcess process, AnalysisContext context)
        => [ArgumentSource.Name(process), ArgumentSource.Optional(process.Automation, process, "automation"),
            ArgumentSource.UnitName(process.PerformedByUnit, process, "performedByUnitId"),
            Effort(process)];

    // The sentence says what the effort states (people, percent or both): its source lists those.
    private static SourcedArgument Effort(WorkProcess process)
    {
        var effort = ArgumentSource.PointerOf(process, "effort");
        string[] stated = [.. process.Effort?.People is null ? [] : new[] { effort + "/people" }, .. process.Effort?.Percent is null ? [] : new[] { effort + "/percent" }];
        return stated.Length == 0
            ? new SourcedArgument(MessageParts.Effort(process.Effort), ArgumentSource.Absent(process, "effort"))
            : ArgumentSource.Derived(MessageParts.Effort(process.Effort), "effort", stated);
    }
}
