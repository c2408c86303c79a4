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
[Name("VT3005"), Description("Forecast used to control or evaluate people")]
internal sealed class ForecastControlRule : OrganizationRule
{
    /// <summary>VT3005.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3005", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <summary>The uses reported by default.</summary>
    public static readonly ForecastUse[] DefaultUses = { ForecastUse.Control, ForecastUse.Evaluation };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The reported uses of the forecast, in declaration order without repeats (empty when none).</summary>
    public static IReadOnlyList<ForecastUse> ControllingUses(Forecast forecast, RuleOptions options)
    {
        var reported = options.Set("VT3005", "uses", DefaultUses);
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
                forecast.DisplayName, new LocalizableList(ControllingUses(forecast, options).Select(u => Terms.Of(u)).ToArray(),
                    new LocalizableResourceString("VT3005_And", RuleDescriptors.Effectiveness)),
                context.Model.Reach(forecast.Contributors)));
    }
}
