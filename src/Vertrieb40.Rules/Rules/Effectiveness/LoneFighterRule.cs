using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3010 — lone fighters: people who hold a sales role directly in a sales unit that is not a team
/// (principle 3.4: individual performance is a myth; only the cooperation of many experts produces
/// results). One diagnostic per unit, with the count. Matches the derived fact
/// <see cref="SalesPeopleOutsideTeams"/> (never joins people with units). People in sales roles who belong to no
/// unit at all are lone fighters too (issue 10): reported at each sales role they hold, as a count — never at a person.
/// Option <c>VT3010.minPeople</c> (default 1).
/// </summary>
[RequiresFacts(InputFacts.Teams, InputFacts.Roles, InputFacts.RoleFunctions)]
[Name(RuleIds.VT3010), Description("Lone fighters: people in sales who belong to no team")]
internal sealed class LoneFighterRule : OrganizationRule
{
    /// <summary>VT3010.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3010, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Info);

    // The same rule at a role held by people with no unit: "Role '…' is held by 3 people in sales who belong to no unit".
    private static readonly DiagnosticDescriptor NoUnitDescriptor =
        RuleDescriptors.Variant(Descriptor, DiagnosticCategories.Effectiveness, "MessageNoUnit");

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The smallest number of people in sales roles outside teams that is reported, per unit.</summary>
    public static readonly RuleOption<int> MinPeopleOption = RuleOption.Int(RuleIds.VT3010, "minPeople", 1,
        "the smallest number of people in sales roles outside teams that is reported, per unit", min: 1);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MinPeopleOption];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [SalesPeopleOutsideTeams.Fact];

    /// <summary>The smallest number of people outside teams that is reported.</summary>
    public static int MinPeople(RuleOptions options) => options.Get(MinPeopleOption);

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        SalesPeopleOutsideTeams outside = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => outside, o => o.Count >= MinPeople(options));
        Then()
            .Do(_ => Report(context, outside));
    }

    private static void Report(AnalysisContext context, SalesPeopleOutsideTeams outside)
    {
        if (outside.Unit is { } unit)
            context.Report(Descriptor, unit, ArgumentSource.Name(unit), Kind(unit),
                ArgumentSource.Derived(outside.Count, "salesPeopleOutsideTeams", unit));
        else
            context.Report(Diagnostic.Create(NoUnitDescriptor, context.LocationOf(outside.At), ArgumentSource.Name(outside.At),
                ArgumentSource.Derived(outside.Count, "salesPeopleWithoutUnit", outside.At)));
    }

    // The kind the unit states; "kind not stated" rather than the format's default (department).
    private static SourcedArgument Kind(Unit unit)
    {
        var stated = ArgumentSource.States(unit, "kind");
        return ArgumentSource.Optional(stated ? Terms.Of(unit.Kind) : Terms.OfOrNotStated<UnitKind>(null), stated, unit, "kind");
    }
}
