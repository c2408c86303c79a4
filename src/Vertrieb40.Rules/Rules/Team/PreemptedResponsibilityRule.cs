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
/// VT1006's finding, not this one's. (Mandatory processes: the model links no process to a decision right;
/// a mandatory process for work that needs judgement is VT2002's finding.)
/// </summary>
[RequiresFacts(InputFacts.DecisionRights)]
[Name("VT1005"), Description("Responsibility pre-empted by approvals or rules from outside")]
internal sealed class PreemptedResponsibilityRule : OrganizationRule
{
    /// <summary>VT1005.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1005", DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice);

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
            .Match(() => right, r => OutsideApprovers(r, model).Length > 0 || OutsidePolicies(r, model).Length > 0);
        Then()
            .Do(_ => Report(context, right));
    }

    private static void Report(AnalysisContext context, DecisionRight right)
    {
        var approvers = OutsideApprovers(right, context.Model);
        var policies = OutsidePolicies(right, context.Model);
        context.ReportAt(Descriptor, right, "requiresApprovalFromUnitIds", approvers.Cast<Entity>().Concat(policies), null,
            right.DisplayName, Terms.OrUnspecified(right.Area), approvers.Length, policies.Length);
    }
}
