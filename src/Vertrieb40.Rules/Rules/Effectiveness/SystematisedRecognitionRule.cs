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
[Name(RuleIds.VT3002), Description("Systematised recognition")]
internal sealed class SystematisedRecognitionRule() : FactRule<RecognitionProgram>(Descriptor)
{
    /// <summary>VT3002.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3002, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The programme kinds reported.</summary>
    public static readonly RuleOption<IReadOnlySet<RecognitionKind>> Kinds = RuleOption.Set(RuleIds.VT3002, "kinds",
        [RecognitionKind.EmployeeOfTheMonth, RecognitionKind.FormalPraise, RecognitionKind.PerformanceRating, RecognitionKind.Rating360, RecognitionKind.PeerThanks],
        "the programme kinds reported (comma-separated; default below)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Kinds];

    /// <summary>The programme turns recognition into a system (a ranking of teams or units counts too: VT3009 takes only people).</summary>
    protected override bool IsFinding(RecognitionProgram program, RuleOptions options)
        => options.Get(Kinds).Contains(program.Kind)
           || (program.Level != MeasurementLevel.Individual && IndividualRankingRule.IsRankingKind(program, options));

    /// <inheritdoc />
    protected override string LocatedAt(RecognitionProgram program) => "kind";

    /// <inheritdoc />
    protected override object?[] MessageArguments(RecognitionProgram program, AnalysisContext context)
        => [ArgumentSource.Name(program), ArgumentSource.Stated(Terms.Of(program.Kind), program, "kind"),
            ArgumentSource.Reach(context.Model, program, "participants", program.Participants)];
}
