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
[Name("VT3009"), Description("Individual ranking, leaderboard, contest or top-seller award")]
internal sealed class IndividualRankingRule : OrganizationRule
{
    /// <summary>VT3009.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3009", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The programme kinds reported by default.</summary>
    public static readonly RecognitionKind[] DefaultKinds =
        { RecognitionKind.Ranking, RecognitionKind.Leaderboard, RecognitionKind.Contest, RecognitionKind.TopSellerAward };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>True when the programme ranks people against each other under the given options.</summary>
    public static bool IsRanking(RecognitionProgram program, RuleOptions options)
        => program.Level == MeasurementLevel.Individual && IsRankingKind(program, options);

    /// <summary>True when the programme's kind is a ranking, leaderboard, contest or award under the options, at any level.</summary>
    public static bool IsRankingKind(RecognitionProgram program, RuleOptions options)
        => options.Set("VT3009", "kinds", DefaultKinds).Contains(program.Kind);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        RecognitionProgram program = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => program, p => IsRanking(p, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, program, "kind", null, null,
                program.DisplayName, Terms.Of(program.Kind), context.Model.Reach(program.Participants)));
    }
}
