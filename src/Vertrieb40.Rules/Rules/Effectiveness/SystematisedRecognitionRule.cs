using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3002 — systematised recognition: employee of the month, formal praise or rating programmes
/// (principle 3.1: formal feedback creates internal references — people work for the feedback instead of
/// the customer). One diagnostic per programme. Option <c>VT3002.kinds</c> (default employeeOfTheMonth,
/// formalPraise, performanceRating, rating360).
/// </summary>
[RequiresFacts(InputFacts.RecognitionPrograms)]
[Name("VT3002"), Description("Systematised recognition")]
public sealed class SystematisedRecognitionRule : OrganizationRule
{
    /// <summary>VT3002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3002", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The programme kinds reported by default.</summary>
    public static readonly RecognitionKind[] DefaultKinds =
        { RecognitionKind.EmployeeOfTheMonth, RecognitionKind.FormalPraise, RecognitionKind.PerformanceRating, RecognitionKind.Rating360 };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the programme turns recognition into a system under the given options.</summary>
    public static bool IsSystematised(RecognitionProgram program, RuleOptions options)
        => options.Set("VT3002", "kinds", DefaultKinds).Contains(program.Kind);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        RecognitionProgram program = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => program, p => IsSystematised(p, options));
        Then()
            .Do(_ => context.Report(Descriptor, program,
                program.DisplayName, Terms.Of(program.Kind), context.Model.Reach(program.Participants)));
    }
}
