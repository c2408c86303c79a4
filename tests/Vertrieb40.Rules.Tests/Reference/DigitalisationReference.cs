using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>Reference statements of the Digitalisation rules VT2001–VT2006 (brute force over the model).</summary>
public static class DigitalisationReference
{
    [ReferenceRule("VT2001")]
    public static IEnumerable<Entity> MandatedToolRollouts(Organization org, RuleOptions options)
        => org.ToolRollouts.Where(r => r.Mode == RolloutMode.MandatedProject);

    [ReferenceRule("VT2002")]
    public static IEnumerable<Entity> RigidCreativeProcesses(Organization org, RuleOptions options)
    {
        var minSteps = options.Int("VT2002", "minSteps", 3, min: 0);
        return org.Processes.Where(p => (p.WorkType == WorkType.Creative || p.WorkType == WorkType.Complex) && p.Mandatory && p.Steps >= minSteps);
    }

    [ReferenceRule("VT2003")]
    public static IEnumerable<Entity> AgencyChannels(Organization org, RuleOptions options)
    {
        var includeMixed = options.Bool("VT2003", "includeMixed", false);
        return org.Channels.Where(c => c.OperatedBy == ChannelOperator.Agency || (includeMixed && c.OperatedBy == ChannelOperator.Mixed));
    }

    [ReferenceRule("VT2004")]
    public static IEnumerable<Entity> ManualRoutineWork(Organization org, RuleOptions options)
    {
        var includePartial = options.Bool("VT2004", "includePartial", false);
        return org.Processes.Where(p => p.WorkType == WorkType.Routine
            && (p.Automation == Automation.None || (includePartial && p.Automation == Automation.Partial)));
    }

    [ReferenceRule("VT2005")]
    public static IEnumerable<Entity> SiloHandoffs(Organization org, RuleOptions options)
    {
        var silos = options.Set("VT2005", "functions",
            BusinessFunction.Marketing, BusinessFunction.Sales, BusinessFunction.Support, BusinessFunction.Product, BusinessFunction.Engineering);
        return org.Handoffs.Where(h => h.FromUnit != null && h.ToUnit != null
            && h.FromUnit.Function != h.ToUnit.Function
            && silos.Contains(h.FromUnit.Function) && silos.Contains(h.ToUnit.Function));
    }

    [ReferenceRule("VT2006")]
    public static IEnumerable<Entity> SalesSiloUnits(Organization org, RuleOptions options)
    {
        var wanted = options.Set("VT2006", "functions", BusinessFunction.Marketing, BusinessFunction.Support, BusinessFunction.Product);
        var includeSubUnits = options.Bool("VT2006", "includeSubUnits", true);
        foreach (var unit in org.Units.Where(u => u.Function == BusinessFunction.Sales))
        {
            var members = org.People.Where(p => p.Unit != null
                && (includeSubUnits ? ReferenceEvaluation.IsWithin(p.Unit, unit) : ReferenceEquals(p.Unit, unit))).ToList();
            if (members.Count > 0 && members.All(p => p.RolesStated && p.Roles.All(r => r.Function.HasValue))
                && !members.Any(p => p.Roles.Any(r => r.Function.HasValue && wanted.Contains(r.Function.Value))))
                yield return unit;
        }
    }
}
