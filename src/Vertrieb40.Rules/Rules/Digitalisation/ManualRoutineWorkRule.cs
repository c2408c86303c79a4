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
[Name("VT2004"), Description("Routine work done by hand")]
internal sealed class ManualRoutineWorkRule : OrganizationRule
{
    /// <summary>VT2004.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT2004", DiagnosticCategories.Digitalisation, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the process is routine work that people execute by hand under the given options.</summary>
    public static bool IsManualRoutine(WorkProcess process, RuleOptions options)
        => process.WorkType == WorkType.Routine
           && (process.Automation == Automation.None
               || (process.Automation == Automation.Partial && options.Bool("VT2004", "includePartial", false)));

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        WorkProcess process = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => process, p => IsManualRoutine(p, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, process, "automation", null, null,
                process.DisplayName, Terms.OfOrNotStated(process.Automation), MessageParts.UnitName(process.PerformedByUnit),
                MessageParts.Effort(process.Effort)));
    }
}
