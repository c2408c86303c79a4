using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1005 — responsibility pre-empted (principle 1.2, article L114–120: no contradiction — rules and
/// processes move the responsibility from those who follow them to those who wrote them). Reported at a
/// decision right whose decisions need the approval of any unit other than its owners — above them, beside
/// them or inside their own subtree alike — or are governed by an approval policy written by such a unit.
/// A policy whose author the document does not name is not counted. A decision right without owners is
/// VT1006's finding, not this one's. From schema 1.1 a decision right names the processes that govern it
/// (<c>governedByProcessIds</c>): a mandatory one prescribed by a unit other than the owners pre-empts them too;
/// one whose prescriber the document does not name, or that is not stated mandatory, is not counted. Owners given
/// only as roles or people are not judged (whose unit they belong to is not a statement of the document).
/// </summary>
[RequiresFacts(InputFacts.DecisionRights)]
[Name(RuleIds.VT1005), Description("Responsibility pre-empted by approvals or rules from outside")]
internal sealed class PreemptedResponsibilityRule : OrganizationRule
{
    /// <summary>VT1005.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT1005, DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The approving units that are none of the owners.</summary>
    public static Unit[] OutsideApprovers(DecisionRight right, SemanticModel model)
        => right.OwnerUnits.Count == 0 ? Array.Empty<Unit>()
            : right.RequiresApprovalFromUnits.Distinct().Where(a => !IsInsideOwners(a, right)).ToArray();

    /// <summary>The governing policies written by a unit that is none of the owners.</summary>
    public static ApprovalPolicy[] OutsidePolicies(DecisionRight right, SemanticModel model)
        => right.OwnerUnits.Count == 0 ? Array.Empty<ApprovalPolicy>()
            : right.GovernedByPolicies.Distinct().Where(p => p.OwnerUnit != null && !IsInsideOwners(p.OwnerUnit, right)).ToArray();

    /// <summary>The governing mandatory processes prescribed by a unit that is none of the owners (schema 1.1).</summary>
    public static WorkProcess[] OutsideProcesses(DecisionRight right, SemanticModel model)
        => right.OwnerUnits.Count == 0 ? Array.Empty<WorkProcess>()
            : right.GovernedByProcesses.Distinct().Where(p => p.Mandatory && p.OwnerUnit != null && !IsInsideOwners(p.OwnerUnit, right)).ToArray();

    // Only the owners themselves: a sub-unit's approval or rule pre-empts the owner as much as a parent's (L119).
    private static bool IsInsideOwners(Unit unit, DecisionRight right)
    {
        foreach (var owner in right.OwnerUnits)
            if (ReferenceEquals(unit, owner)) return true;
        return false;
    }

    /// <inheritdoc />
    public override void Define()
    {
        AnalysisContext context = null!;
        SemanticModel model = null!;
        DecisionRight right = null!;

        Dependency().Resolve(() => context);
        When()
            .Match(() => model)
            .Match(() => right, r => OutsideApprovers(r, model).Length > 0 || OutsidePolicies(r, model).Length > 0 || OutsideProcesses(r, model).Length > 0);
        Then()
            .Do(_ => Report(context, right));
    }

    private static void Report(AnalysisContext context, DecisionRight right)
    {
        var approvers = OutsideApprovers(right, context.Model);
        var policies = OutsidePolicies(right, context.Model);
        var processes = OutsideProcesses(right, context.Model);
        // As before 1.1 (the approval property, or the whole right when it is absent); processes alone point at their link.
        var property = approvers.Length == 0 && policies.Length == 0 ? "governedByProcessIds" : "requiresApprovalFromUnitIds";
        context.ReportAt(Descriptor, right, property, approvers.Cast<Entity>().Concat(policies).Concat(processes), null,
            ArgumentSource.Name(right), ArgumentSource.Optional(right.Area, right, "area"),
            ArgumentSource.Derived(approvers.Length, "approversOutsideOwners", Pointers(right, "requiresApprovalFromUnitIds", "ownerUnitIds")),
            ArgumentSource.Derived(policies.Length, "policiesByUnitsOutsideOwners", Pointers(right, "governedByPolicyIds", "ownerUnitIds")),
            Processes(right, processes.Length));
    }

    private static string[] Pointers(DecisionRight right, params string[] properties)
        => properties.Where(right.HasPropertyPosition).Select(p => ArgumentSource.PointerOf(right, p)).DefaultIfEmpty(right.Pointer).ToArray();

    // Said only when there are any, so that messages without processes read as before schema 1.1.
    private static SourcedArgument Processes(DecisionRight right, int count)
        => count == 0
            ? right.HasPropertyPosition("governedByProcessIds")
                ? ArgumentSource.Derived("", "mandatoryProcessesByUnitsOutsideOwners", Pointers(right, "governedByProcessIds", "ownerUnitIds"))
                : new SourcedArgument("", ArgumentSource.Absent(right, "governedByProcessIds"))
            : ArgumentSource.Derived(new LocalizableFormat(new LocalizableResourceString("VT1005_Processes", RuleDescriptors.Team), count),
                "mandatoryProcessesByUnitsOutsideOwners", Pointers(right, "governedByProcessIds", "ownerUnitIds"));
}
