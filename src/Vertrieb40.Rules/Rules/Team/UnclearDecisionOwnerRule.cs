using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1006 — a decision area with no owner or with several owners (principle 1.2: decision procedures must
/// assign responsibility clearly). Owners are units, and from schema 1.1 also roles and people: "the sales
/// director and the product manager" are two owners even when both sit in one unit. Messages count owners,
/// never name people. Option <c>VT1006.maxOwners</c> (default 1): how many owners an area may have before
/// responsibility counts as diffuse.
/// </summary>
[RequiresFacts(InputFacts.DecisionRights)]
[Name(RuleIds.VT1006), Description("Decision area without a clear owner")]
internal sealed class UnclearDecisionOwnerRule : OrganizationRule
{
    /// <summary>VT1006.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1006, DiagnosticCategories.Team, DiagnosticSeverity.Warning);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The most owners an area may have.</summary>
    public static readonly RuleOption<int> MaxOwners = RuleOption.Int(RuleIds.VT1006, "maxOwners", 1,
        "the most owners (units, roles and people together) an area may have (1 or more); an area without an owner is always reported", min: 1);

    /// <inheritdoc />
    public override IReadOnlyList<RuleOption> SupportedOptions => [MaxOwners];

    /// <summary>The number of different owners: units, roles and people (schema 1.1).</summary>
    public static int Owners(DecisionRight right)
        => right.OwnerUnits.Distinct().Count() + right.OwnerRoles.Distinct().Count() + right.OwnerPeople.Distinct().Count();

    // Points at the owners the document gives (units first, as in 1.0), or at the area when it gives none.
    private static string OwnerProperty(DecisionRight right)
        => right.OwnerUnitIds.Count > 0 || (right.OwnerRoleIds.Count == 0 && right.OwnerPersonIds.Count == 0) ? "ownerUnitIds"
            : right.OwnerRoleIds.Count > 0 ? "ownerRoleIds" : "ownerPersonIds";

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        RuleOptions options = null!;
        DecisionRight right = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => options)
            .Match(() => right, r => Owners(r) == 0 || Owners(r) > options.Get(MaxOwners));
        Then()
            .Do(_ => context.ReportAt(Descriptor, right, OwnerProperty(right), null, null,
                ArgumentSource.Name(right), ArgumentSource.Optional(right.Area, right, "area"),
                ArgumentSource.Count(Owners(right), right, "ownerUnitIds", "ownerRoleIds", "ownerPersonIds")));
    }
}
