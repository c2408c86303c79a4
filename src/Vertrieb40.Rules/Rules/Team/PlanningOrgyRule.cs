using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1008 — a planning orgy: a forecast broken down to individual people, or produced weekly or more often
/// (principle 1.3: self-organisation means leaving out planning orgies in the form of forecasts).
/// Options: <c>VT1008.granularities</c> (default person) and <c>VT1008.maxCadence</c> (default weekly: a
/// forecast produced at this cadence or more often is reported; one-off and ad-hoc forecasts never are).
/// </summary>
[RequiresFacts(InputFacts.Forecasts)]
[Name(RuleIds.VT1008), Description("Planning orgy: forecast per person or weekly")]
internal sealed class PlanningOrgyRule : OrganizationRule
{
    /// <summary>VT1008.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1008, DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The forecast granularities that count as individual.</summary>
    public static readonly RuleOption<IReadOnlySet<ForecastGranularity>> Granularities = RuleOption.Set(RuleIds.VT1008, "granularities",
        [ForecastGranularity.Person], "the granularities that count as individual (comma-separated: person, deal, team, unit, company)");

    /// <summary>The slowest cadence that is reported (it and every faster one).</summary>
    public static readonly RuleOption<IReadOnlySet<Cadence>> MaxCadence = RuleOption.Set(RuleIds.VT1008, "maxCadence",
        [Cadence.Weekly], "the slowest cadence that is still too frequent (one of daily, weekly, biweekly, monthly, quarterly, halfYearly, yearly); this cadence and every faster one are reported");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Granularities, MaxCadence];

    /// <summary>True when the forecast is too fine-grained or too frequent under the options.</summary>
    public static bool IsPlanningOrgy(Forecast forecast, RuleOptions options)
        => (forecast.Granularity is { } granularity && options.Get(Granularities).Contains(granularity))
           || (forecast.Cadence is { } cadence && IsTooFrequent(cadence, options));

    /// <summary>True for a recurring cadence at or faster than <c>VT1008.maxCadence</c>.</summary>
    public static bool IsTooFrequent(Cadence cadence, RuleOptions options)
    {
        // The option names one cadence; if a list is given, the slowest listed one is the limit.
        var limit = options.Get(MaxCadence).Where(IsRecurring).DefaultIfEmpty(Cadence.Weekly).Max();
        return IsRecurring(cadence) && cadence <= limit;
    }

    /// <summary>The property that makes the forecast a planning orgy: its granularity, else its cadence.</summary>
    public static string TriggerOf(Forecast forecast, RuleOptions options)
        => forecast.Granularity is { } granularity && options.Get(Granularities).Contains(granularity) ? "granularity" : "cadence";

    private static bool IsRecurring(Cadence cadence) => cadence is not (Cadence.Once or Cadence.AdHoc);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Forecast forecast = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => forecast, f => IsPlanningOrgy(f, options));
        Then()
            .Do(_ => context.ReportAt(Descriptor, forecast, TriggerOf(forecast, options), null, null,
                ArgumentSource.Name(forecast), ArgumentSource.Optional(forecast.Granularity, forecast, "granularity"),
                ArgumentSource.Optional(forecast.Cadence, forecast, "cadence"), ArgumentSource.Reach(context.Model, forecast, "contributors", forecast.Contributors)));
    }
}
