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
[Name("VT2007"), Description("Creative or complex work automated")]
internal sealed class AutomatedCreativeWorkRule : OrganizationRule
{
    /// <summary>VT2007.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT2007", DiagnosticCategories.Digitalisation, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when work that needs ideas is executed by software under the given options.</summary>
    public static bool IsAutomatedCreativeWork(WorkProcess process, RuleOptions options)
        => process.WorkType is WorkType.Creative or WorkType.Complex
           && (process.Automation == Automation.Full
               || (process.Automation == Automation.Partial && options.Bool("VT2007", "includePartial", true)));

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        WorkProcess process = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => process, p => IsAutomatedCreativeWork(p, options));
        Then()
            .Do(_ => context.Report(Descriptor, process,
                process.DisplayName, Terms.Of(process.WorkType), Terms.OfOrNotStated(process.Automation), MessageParts.UnitName(process.PerformedByUnit)));
    }
}
