using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2006 — a sales unit with no marketing, support or product roles inside it: sales as a silo of its
/// own (principle 2.5; also 1.1 and 3.4, sales alone creates almost no value). Matches the derived fact
/// <see cref="UnitRoleFunctions"/>, never people against units. Options: <c>VT2006.functions</c> (default
/// marketing, support, product) and <c>VT2006.includeSubUnits</c> (default true: roles held anywhere
/// inside the unit, its sub-units included, count; false: only the unit's direct members).
/// Units with nobody in them are not judged. A silo is reported once, at its top: a sales unit whose parent
/// is itself a reported sales silo is left out (its finding is part of the parent's). Warning: the article
/// calls dissolving silos probably the decisive step (L256–258).
/// </summary>
[RequiresFacts(InputFacts.Roles, InputFacts.RoleFunctions)]
[Name(RuleIds.VT2006), Description("Sales unit without marketing, support or product roles")]
internal sealed class SalesSiloUnitRule : OrganizationRule
{
    /// <summary>VT2006.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2006, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>Role functions a sales unit should hold inside it.</summary>
    public static readonly RuleOption<IReadOnlySet<BusinessFunction>> Functions = RuleOption.Set(RuleIds.VT2006, "functions",
        [BusinessFunction.Marketing, BusinessFunction.Support, BusinessFunction.Product], "role functions a sales unit should hold inside it (comma-separated)");

    /// <summary>Whether people in sub-units count.</summary>
    public static readonly RuleOption<bool> IncludeSubUnits = RuleOption.Bool(RuleIds.VT2006, "includeSubUnits", true,
        "true (default): people in sub-units count; false: only people placed directly in the unit");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Functions, IncludeSubUnits];

    /// <inheritdoc />
    public override IReadOnlyList<DerivedFact> DerivedFacts => [UnitRoleFunctions.Fact];

    /// <summary>The role functions a sales unit should hold inside it.</summary>
    public static IReadOnlySet<BusinessFunction> ExpectedFunctions(RuleOptions options)
        => options.Get(Functions);

    /// <summary>True when the unit is a sales unit with people but none of the expected roles.</summary>
    public static bool IsSalesSilo(UnitRoleFunctions unit, RuleOptions options)
    {
        if (unit.Unit.Function != BusinessFunction.Sales) return false;
        var includeSubUnits = options.Get(IncludeSubUnits);
        // A member whose roles state no function may hold one of the expected roles: then the unit is not judged.
        return unit.People(includeSubUnits) > 0 && unit.PeopleOfUnknownFunction(includeSubUnits) == 0
               && !unit.HasAny(ExpectedFunctions(options), includeSubUnits);
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        UnitRoleFunctions unit = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            // The parent through the fact's own link: a join of every unit with every unit grew with the square of
            // the organisation (4 s at a million people).
            .Match(() => unit, u => IsSalesSilo(u, options) && !(u.Parent != null && IsSalesSilo(u.Parent, options)));
        Then()
            .Do(_ => context.Report(Descriptor, unit.Unit,
                ArgumentSource.Name(unit.Unit),
                ArgumentSource.Derived(unit.People(options.Get(IncludeSubUnits)), options.Get(IncludeSubUnits) ? "peopleInUnitAndSubUnits" : "directMembers", unit.Unit),
                ArgumentSource.Option(MessageParts.FunctionList(ExpectedFunctions(options)), Functions)));
    }
}
