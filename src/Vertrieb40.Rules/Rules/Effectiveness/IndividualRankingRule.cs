using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3009 — individual rankings, leaderboards, sales contests and top-seller awards (principle 3.4:
/// individual performance is a myth; article L445–449: heroism prevents value creation). Only programmes that
/// rank people (<c>level</c> individual, the default); a programme that ranks teams or units sets no person
/// against another and is VT3002's finding (systematised recognition). One diagnostic per programme.
/// Option <c>VT3009.kinds</c> (default ranking, leaderboard, contest, topSellerAward).
/// </summary>
[RequiresFacts(InputFacts.RecognitionPrograms)]
[Name(RuleIds.VT3009), Description("Individual ranking, leaderboard, contest or top-seller award")]
internal sealed class IndividualRankingRule() : FactRule<RecognitionProgram>(Descriptor)
{
    /// <summary>VT3009.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3009, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The programme kinds reported.</summary>
    public static readonly RuleOption<IReadOnlySet<RecognitionKind>> Kinds = RuleOption.Set(RuleIds.VT3009, "kinds",
        [RecognitionKind.Ranking, RecognitionKind.Leaderboard, RecognitionKind.Contest, RecognitionKind.TopSellerAward],
        "the programme kinds reported (comma-separated; default below)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Kinds];

    /// <summary>True when the programme's kind is a ranking, leaderboard, contest or award under the options, at any level.</summary>
    public static bool IsRankingKind(RecognitionProgram program, RuleOptions options) => options.Get(Kinds).Contains(program.Kind);

    /// <summary>The programme ranks people against each other.</summary>
    protected override bool IsFinding(RecognitionProgram program, RuleOptions options)
        => program.Level == MeasurementLevel.Individual && IsRankingKind(program, options);

    /// <inheritdoc />
    protected override string LocatedAt(RecognitionProgram program) => "kind";

    /// <inheritdoc />
    protected override object?[] MessageArguments(RecognitionProgram program, AnalysisContext context)
        => [ArgumentSource.Name(program), ArgumentSource.Stated(Terms.Of(program.Kind), program, "kind"),
            ArgumentSource.Reach(context.Model, program, "participants", program.Participants)];
}
