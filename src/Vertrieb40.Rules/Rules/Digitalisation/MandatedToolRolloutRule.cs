using NRules.Fluent.Dsl;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Rules.Digitalisation;

/// <summary>
/// VT2001 — a tool rolled out as a mandated project instead of being chosen by the teams that use it
/// (principle 2.1, digitalisation is a symptom, not the problem). One diagnostic per roll-out, with the
/// number of using units and the people in them. A team's own choice and a pilot are not reported.
/// </summary>
[RequiresFacts(InputFacts.ToolRollouts)]
[Name(RuleIds.VT2001), Description("Tool roll-out mandated as a project")]
internal sealed class MandatedToolRolloutRule() : FactRule<ToolRollout>(Descriptor)
{
    /// <summary>VT2001.</summary>
    public static readonly DiagnosticDescriptor Descriptor =
        RuleDescriptors.Create(RuleIds.VT2001, DiagnosticCategories.Digitalisation, DiagnosticSeverity.Info, WellKnownTags.Practice);

    /// <summary>The roll-out is a mandated project.</summary>
    protected override bool IsFinding(ToolRollout rollout, RuleOptions options) => rollout.Mode == RolloutMode.MandatedProject;

    /// <inheritdoc />
    protected override string LocatedAt(ToolRollout rollout) => "mode";

    /// <inheritdoc />
    protected override object?[] MessageArguments(ToolRollout rollout, AnalysisContext context)
        => [ArgumentSource.Name(rollout), ArgumentSource.Optional(rollout.Tool, rollout, "tool"),
            ArgumentSource.UnitName(rollout.MandatedByUnit, rollout, "mandatedByUnitId"),
            ArgumentSource.Count(rollout.UsedByUnits.Distinct().Count(), rollout, "usedByUnitIds"),
            rollout.HasPropertyPosition("usedByUnitIds")
                ? ArgumentSource.Derived(context.Model.PeopleIn(rollout.UsedByUnits), "peopleInUnits", ArgumentSource.PointerOf(rollout, "usedByUnitIds"))
                : new SourcedArgument(context.Model.PeopleIn(rollout.UsedByUnits), ArgumentSource.Absent(rollout, "usedByUnitIds"))];
}
