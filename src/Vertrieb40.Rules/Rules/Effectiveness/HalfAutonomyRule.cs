using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// VT3004 — autonomy withheld (principle 3.1; article L292: autonomy is steering one's own actions — what,
/// how long, how, with whom; L328–330: often only "how" is granted). Every freedom the document withholds
/// counts: a unit's <c>autonomy</c> with <c>how</c>, <c>what</c>, <c>when</c> or <c>withWhom</c> explicitly
/// <c>false</c> is reported on the unit — no autonomy at all is the worst case, not a clean one. A dimension the
/// document leaves out is unknown, not reported. Also reported, on the decision right: the choice of work
/// (an area named in <c>VT3004.workSelectionAreas</c>) owned by units that are not teams while teams work
/// below them — those teams may not decide which problem they take on, whatever their <c>autonomy</c> says.
/// Option <c>VT3004.dimensions</c> (default how, what, when, withWhom): which dimensions are checked.
/// </summary>
[RequiresFacts(InputFacts.Autonomy)]
[Name(RuleIds.VT3004), Description("Autonomy withheld")]
internal sealed class HalfAutonomyRule : OrganizationRule
{
    /// <summary>VT3004.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT3004, DiagnosticCategories.Effectiveness, DiagnosticSeverity.Warning);

    /// <summary>The dimensions checked by default, as written in configuration.</summary>
    public static readonly string[] DefaultDimensions = { "how", "what", "when", "withWhom" };

    /// <summary>Decision areas that mean choosing the work (English and German), matched as parts of the area, case-insensitive.</summary>
    public static readonly string[] DefaultWorkSelectionAreas =
    {
        "work selection", "work assignment", "task assignment", "lead assignment", "lead distribution", "account assignment",
        "Arbeitsauswahl", "Arbeitsverteilung", "Arbeitszuteilung", "Aufgabenverteilung", "Aufgabenzuteilung", "Leadverteilung",
    };

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The autonomy dimensions checked.</summary>
    public static readonly RuleOption<IReadOnlySet<string>> Dimensions = RuleOption.Words(RuleIds.VT3004, "dimensions", DefaultDimensions,
        "which dimensions are checked (comma-separated: how, what, when, withWhom); without \"what\" the work-selection case is off");

    /// <summary>The decision areas that mean choosing the work.</summary>
    public static readonly RuleOption<IReadOnlySet<string>> WorkSelectionAreas = RuleOption.Words(RuleIds.VT3004, "workSelectionAreas", DefaultWorkSelectionAreas,
        "decision areas that mean choosing the work (comma-separated, matched as parts of the area, case-insensitive)");

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [Dimensions, WorkSelectionAreas];

    /// <summary>The checked dimensions the unit's <c>autonomy</c> explicitly withholds, in the order how, what, when, with whom.</summary>
    public static IReadOnlyList<string> WithheldDimensions(Unit unit, RuleOptions options)
    {
        if (unit.Autonomy is not { } autonomy) return Array.Empty<string>();
        var checkedDimensions = options.Get(Dimensions);
        var withheld = new List<string>(4);
        if (autonomy.How == false && checkedDimensions.Contains("how")) withheld.Add("how");
        if (autonomy.What == false && checkedDimensions.Contains("what")) withheld.Add("what");
        if (autonomy.When == false && checkedDimensions.Contains("when")) withheld.Add("when");
        if (autonomy.WithWhom == false && checkedDimensions.Contains("withWhom")) withheld.Add("withWhom");
        return withheld;
    }

    /// <summary>True when the decision right's area is the choice of work under the options.</summary>
    public static bool IsWorkSelection(DecisionRight right, RuleOptions options)
        => options.Get(Dimensions).Contains("what")
           && options.Get(WorkSelectionAreas)
               .Any(a => a.Length > 0 && right.Area.Contains(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>The teams below the owners of a work-selection right that do not own it themselves (empty when an owner is a team).</summary>
    public static Unit[] TeamsWithoutChoice(DecisionRight right, SemanticModel model, RuleOptions options)
    {
        if (right.OwnerUnits.Count == 0 || right.OwnerUnits.Any(o => o.IsTeam) || !IsWorkSelection(right, options))
            return Array.Empty<Unit>();
        // The owners' subtrees from the model's pre-order runs: scanning every unit for every decision right grew
        // with the square of the organisation (3.5 s at a million people).
        var teams = new HashSet<Unit>(ReferenceEqualityComparer.Instance);
        foreach (var owner in right.OwnerUnits)
            foreach (var u in model.UnitsBelow(owner))
                if (u.IsTeam) teams.Add(u);
        return teams.OrderBy(u => u.Index).ToArray();
    }

    internal static LocalizableString Describe(IReadOnlyList<string> dimensions)
        => new LocalizableList(dimensions.Select(d => (LocalizableString)new LocalizableResourceString(
            d switch { "how" => "VT3004_How", "what" => "VT3004_What", "when" => "VT3004_When", _ => "VT3004_WithWhom" }, RuleDescriptors.Effectiveness)).ToArray(),
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
            .Match(() => unit, u => u.Autonomy != null && WithheldDimensions(u, options).Count > 0);
        Then()
            .Do(_ => context.Report(Descriptor, unit,
                ArgumentSource.Name(unit),
                ArgumentSource.Derived(Describe(WithheldDimensions(unit, options)), "withheldDimensions", ArgumentSource.PointerOf(unit, "autonomy")),
                ArgumentSource.Derived(context.Model.SubtreePeople(unit), "peopleInUnitAndSubUnits", unit)));
    }

    /// <summary>The decision-right finding: VT3004 too (same id, severity and configuration), with its own message.</summary>
    internal static readonly DiagnosticDescriptor WorkSelectionDescriptor = new(Descriptor.Id, Descriptor.Title,
        new LocalizableResourceString("VT3004_MessageWorkSelection", RuleDescriptors.Effectiveness),
        Descriptor.Category, Descriptor.DefaultSeverity, Descriptor.IsEnabledByDefault, Descriptor.Description, Descriptor.HelpLinkUri,
        Descriptor.CustomTags.ToArray());
}

/// <summary>
/// VT3004, second half: the choice of work owned above the teams (see <see cref="HalfAutonomyRule"/>). A rule of
/// its own only because NRules matches one fact type per pattern; it reports the same diagnostic id.
/// </summary>
[RequiresFacts(InputFacts.DecisionRights)]
[Name(RuleIds.VT3004 + ".workSelection"), Description("Autonomy withheld: work chosen above the teams")]
internal sealed class WorkSelectionAutonomyRule : OrganizationRule
{
    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [HalfAutonomyRule.WorkSelectionDescriptor];

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        SemanticModel model = null!;
        DecisionRight right = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => model)
            .Match(() => right, r => HalfAutonomyRule.TeamsWithoutChoice(r, model, options).Length > 0);
        Then()
            .Do(_ => Report(context, right, options));
    }

    private static void Report(AnalysisContext context, DecisionRight right, RuleOptions options)
    {
        var teams = HalfAutonomyRule.TeamsWithoutChoice(right, context.Model, options);
        context.Report(HalfAutonomyRule.WorkSelectionDescriptor, right, right.OwnerUnits, null,
            ArgumentSource.Name(right), ArgumentSource.Stated(right.Area, right, "area"),
            ArgumentSource.Derived(string.Join(", ", right.OwnerUnits.Select(o => o.DisplayName)), "ownerNames",
                right.OwnerUnits.Select(o => ArgumentSource.Name(o).Source).Prepend(ArgumentSource.PointerOf(right, "ownerUnitIds")).ToArray()),
            ArgumentSource.Derived(teams.Length, "teamsBelowOwners", ArgumentSource.PointerOf(right, "ownerUnitIds")),
            ArgumentSource.Derived(context.Model.PeopleIn(teams), "peopleInTeamsBelowOwners", ArgumentSource.PointerOf(right, "ownerUnitIds")));
    }
}
