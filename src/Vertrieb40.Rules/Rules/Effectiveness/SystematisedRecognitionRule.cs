using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3002 — systematised recognition: employee of the month, formal praise, rating or peer-thanks programmes
/// (principle 3.1; article L304–306: recognition made a task of management <i>or of all colleagues</i> creates
/// internal references — people work for the feedback instead of the customer). Also the rankings, leaderboards,
/// contests and awards of <c>VT3009.kinds</c> that rank teams or units rather than people (our reading: they
/// systematise recognition too; VT3009 reports those that rank people). One diagnostic per programme.
/// Option <c>VT3002.kinds</c> (default employeeOfTheMonth, formalPraise, performanceRating, rating360, peerThanks).
/// </summary>
[RequiresFacts(InputFacts.RecognitionPrograms)]
[Name("VT3002"), Description("Systematised recognition")]
internal sealed class SystematisedRecognitionRule : OrganizationRule
{
    /// <summary>VT3002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3002", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The programme kinds reported by default.</summary>
    public static readonly RecognitionKind[] DefaultKinds =
        { RecognitionKind.EmployeeOfTheMonth, RecognitionKind.FormalPraise, RecognitionKind.PerformanceRating, RecognitionKind.Rating360, RecognitionKind.PeerThanks };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the programme turns recognition into a system under the given options.</summary>
    public static bool IsSystematised(RecognitionProgram program, RuleOptions options)
        => options.Set("VT3002", "kinds", DefaultKinds).Contains(program.Kind)
           || (program.Level != MeasurementLevel.Individual && IndividualRankingRule.IsRankingKind(program, options));

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
            .Do(_ => context.ReportAt(Descriptor, program, "kind", null, null,
                program.DisplayName, Terms.Of(program.Kind), context.Model.Reach(program.Participants)));
    }
}
