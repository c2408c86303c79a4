using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Team;

/// <summary>
/// VT1005 — responsibility pre-empted (principle 1.2: no contradiction — rules and approvals written
/// outside the accountable unit move the responsibility to whoever wrote them). Reported at a decision right
/// whose decisions need the approval of a unit outside every owner's subtree, or are governed by an
/// approval policy written by such a unit. A decision right without owners is VT1006's finding, not this one's.
/// </summary>
[RequiresFacts(InputFacts.DecisionRights)]
[Name("VT1005"), Description("Responsibility pre-empted by approvals or rules from outside")]
public sealed class PreemptedResponsibilityRule : OrganizationRule
{
    /// <summary>VT1005.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create("VT1005", DiagnosticCategories.Team, DiagnosticSeverity.Warning, WellKnownTags.Practice);

    /// <inheritdoc />
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>The approving units that lie outside every owner's subtree.</summary>
    public static Unit[] OutsideApprovers(DecisionRight right, SemanticModel model)
        => right.OwnerUnits.Length == 0 ? Array.Empty<Unit>()
            : right.RequiresApprovalFromUnits.Distinct().Where(a => !IsInsideOwners(a, right, model)).ToArray();

    /// <summary>The governing policies written by a unit outside every owner's subtree.</summary>
    public static ApprovalPolicy[] OutsidePolicies(DecisionRight right, SemanticModel model)
        => right.OwnerUnits.Length == 0 ? Array.Empty<ApprovalPolicy>()
            : right.GovernedByPolicies.Distinct().Where(p => p.OwnerUnit != null && !IsInsideOwners(p.OwnerUnit, right, model)).ToArray();

    private static bool IsInsideOwners(Unit unit, DecisionRight right, SemanticModel model)
    {
        foreach (var owner in right.OwnerUnits)
            if (model.IsWithin(unit, owner)) return true;
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
        context.Report(Descriptor, right, approvers.Cast<Entity>().Concat(policies), null,
            right.DisplayName, Terms.OrUnspecified(right.Area), approvers.Length, policies.Length);
    }
}
