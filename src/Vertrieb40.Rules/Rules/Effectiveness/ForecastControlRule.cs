using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3005 — a forecast used to control or evaluate the people who contribute to it (principle 3.2: a
/// Theory-X practice that creates the behaviour it assumes). One diagnostic per forecast.
/// Option <c>VT3005.uses</c> (default control, evaluation).
/// </summary>
[RequiresFacts(InputFacts.ForecastUses)]
[Name(RuleIds.VT3005), Description("Forecast used to control or evaluate people")]
internal sealed class ForecastControlRule : OrganizationRule
{
    /// <summary>VT3005.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3005, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);


    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The forecast uses reported.</summary>
    public static readonly RuleOption<IReadOnlySet<ForecastUse>> Uses = RuleOption.Set(RuleIds.VT3005, "uses",
        [ForecastUse.Control, ForecastUse.Evaluation], "the uses reported (comma-separated: planning, control, evaluation)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Uses];

    /// <summary>The reported uses of the forecast, in declaration order without repeats (empty when none).</summary>
    public static IReadOnlyList<ForecastUse> ControllingUses(Forecast forecast, RuleOptions options)
    {
        var reported = options.Get(Uses);
        return forecast.UsedFor.Where(reported.Contains).Distinct().ToArray();
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Forecast forecast = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => forecast, f => ControllingUses(f, options).Count > 0);
        Then()
            .Do(_ => context.ReportAt(Descriptor, forecast, "usedFor", null, null,
                ArgumentSource.Name(forecast),
                ArgumentSource.Derived(new LocalizableList(ControllingUses(forecast, options).Select(u => Terms.Of(u)).ToArray(),
                    new LocalizableResourceString("VT3005_And", RuleDescriptors.Effectiveness)), "usesReported", ArgumentSource.PointerOf(forecast, "usedFor")),
                ArgumentSource.Reach(context.Model, forecast, "contributors", forecast.Contributors)));
    }
}
