using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3004 — half autonomy: a unit may decide <i>how</i> to work, but <i>which</i> problem, <i>when</i> or
/// <i>with whom</i> is assigned (principle 3.1, autonomy as a factor of motivation). Only explicit
/// <c>false</c> counts as assigned; a dimension the document leaves out is unknown, not reported.
/// Option <c>VT3004.dimensions</c> (default what, when, withWhom): which of the three dimensions are checked.
/// </summary>
[RequiresFacts(InputFacts.Autonomy)]
[Name("VT3004"), Description("Half autonomy")]
public sealed class HalfAutonomyRule : OrganizationRule
{
    /// <summary>VT3004.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT3004", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning);

    /// <summary>The dimensions checked by default, as written in configuration.</summary>
    public static readonly string[] DefaultDimensions = { "what", "when", "withWhom" };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The checked dimensions the unit may not decide (empty when the unit is not half-autonomous).</summary>
    public static IReadOnlyList<string> AssignedDimensions(Unit unit, RuleOptions options)
    {
        if (unit.Autonomy is not { How: true } autonomy) return Array.Empty<string>();
        var checkedDimensions = options.Words("VT3004", "dimensions", DefaultDimensions);
        var assigned = new List<string>(3);
        if (autonomy.What == false && checkedDimensions.Contains("what")) assigned.Add("what");
        if (autonomy.When == false && checkedDimensions.Contains("when")) assigned.Add("when");
        if (autonomy.WithWhom == false && checkedDimensions.Contains("withWhom")) assigned.Add("withWhom");
        return assigned;
    }

    private static LocalizableString Describe(IReadOnlyList<string> dimensions)
        => new LocalizableList(dimensions.Select(d => (LocalizableString)new LocalizableResourceString(
            d switch { "what" => "VT3004_What", "when" => "VT3004_When", _ => "VT3004_WithWhom" }, RuleDescriptors.Effectiveness)).ToArray(),
            new LocalizableResourceString("VT3004_Or", RuleDescriptors.Effectiveness));

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        Unit unit = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => unit, u => u.Autonomy != null && AssignedDimensions(u, options).Count > 0);
        Then()
            .Do(_ => context.Report(Descriptor, unit,
                unit.DisplayName, Describe(AssignedDimensions(unit, options)), context.Model.SubtreePeople(unit)));
    }
}
