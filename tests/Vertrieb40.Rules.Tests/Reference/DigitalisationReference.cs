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
        var kinds = options.Set("VT2003", "kinds", ChannelKind.SocialMedia, ChannelKind.OnlineAds, ChannelKind.Webinar, ChannelKind.Web, ChannelKind.Email, ChannelKind.Phone);
        return org.Channels.Where(c => c.Kind is { } kind && kinds.Contains(kind) && (c.OperatedBy == ChannelOperator.Agency || (includeMixed && c.OperatedBy == ChannelOperator.Mixed)));
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
        var salesWithAny = options.Bool("VT2005", "salesWithAnyFunction", true);
        var neutral = new[] { BusinessFunction.CrossFunctional, BusinessFunction.Other };
        return org.Handoffs.Where(h => h.FromUnit != null && h.ToUnit != null
            && h.FromUnit.Function != h.ToUnit.Function
            && !neutral.Contains(h.FromUnit.Function) && !neutral.Contains(h.ToUnit.Function)
            && ((silos.Contains(h.FromUnit.Function) && silos.Contains(h.ToUnit.Function))
                || (salesWithAny && (h.FromUnit.Function == BusinessFunction.Sales || h.ToUnit.Function == BusinessFunction.Sales))));
    }

    [ReferenceRule("VT2006")]
    public static IEnumerable<Entity> SalesSiloUnits(Organization org, RuleOptions options)
    {
        var wanted = options.Set("VT2006", "functions", BusinessFunction.Marketing, BusinessFunction.Support, BusinessFunction.Product);
        var includeSubUnits = options.Bool("VT2006", "includeSubUnits", true);
        bool IsSilo(Unit unit)
        {
            if (unit.Function != BusinessFunction.Sales) return false;
            var members = org.People.Where(p => p.Unit != null
                && (includeSubUnits ? ReferenceEvaluation.IsWithin(p.Unit, unit) : ReferenceEquals(p.Unit, unit))).ToList();
            // Unknown stays unknown (issue 10): a member whose roles or role functions are not stated may hold a wanted function.
            return members.Count > 0 && members.All(p => p.RolesStated && p.Roles.All(r => r.Function.HasValue))
                && !members.Any(p => p.Roles.Any(r => r.Function.HasValue && wanted.Contains(r.Function.Value)));
        }
        // Reported once, at the top: not when the parent is a silo itself.
        return org.Units.Where(u => IsSilo(u) && !(u.Parent != null && IsSilo(u.Parent)));
    }

    [ReferenceRule("VT2007")]
    public static IEnumerable<Entity> AutomatedCreativeWork(Organization org, RuleOptions options)
    {
        var includePartial = options.Bool("VT2007", "includePartial", true);
        return org.Processes.Where(p => (p.WorkType == WorkType.Creative || p.WorkType == WorkType.Complex)
            && (p.Automation == Automation.Full || (includePartial && p.Automation == Automation.Partial)));
    }
}
