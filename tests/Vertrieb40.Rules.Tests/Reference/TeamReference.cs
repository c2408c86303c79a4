using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Model;
using static Vertrieb40.Rules.Tests.Reference.ReferenceEvaluation;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>Reference statements of VT1001–VT1008: brute force over the model, no semantic model, no derived facts.</summary>
public static class TeamReference
{
    private static IEnumerable<Person> DirectMembers(Organization org, Unit team) => org.People.Where(p => p.Unit == team);

    [ReferenceRule("VT1001")]
    public static IEnumerable<Entity> SingleRoleMembers(Organization org, RuleOptions options)
    {
        var minRoles = options.Int("VT1001", "minRoles", 2, min: 1);
        return org.Units.Where(u => u.Kind == UnitKind.Team)
            .Where(u => DirectMembers(org, u).Any(p => p.RolesStated && p.Roles.Distinct().Count() < minRoles));
    }

    [ReferenceRule("VT1002")]
    public static IEnumerable<Entity> SingleHolderRoles(Organization org, RuleOptions options)
    {
        var minHolders = options.Int("VT1002", "minHolders", 2, min: 1);
        // A team where someone lists no role is not judged: that member may hold the role.
        foreach (var team in org.Units.Where(u => u.Kind == UnitKind.Team && DirectMembers(org, u).All(p => p.RolesStated)))
            foreach (var role in org.Roles)
            {
                var holders = DirectMembers(org, team).Count(p => p.Roles.Contains(role));
                if (holders > 0 && holders < minHolders) yield return team;
            }
    }

    [ReferenceRule("VT1003")]
    public static IEnumerable<Entity> SplitFunnels(Organization org, RuleOptions options)
    {
        var minUnits = options.Int("VT1003", "minUnits", 2, min: 2);
        return org.Offerings.Where(o =>
        {
            var carriers = o.Funnel.Where(s => s.Unit != null).Select(s => s.Unit!).Distinct().ToList();
            var outermost = carriers.Where(u => !carriers.Any(c => c != u && IsWithin(u, c))).ToList();
            return outermost.Count >= minUnits && outermost.Select(u => u.Function).Distinct().Count() >= 2;
        });
    }

    [ReferenceRule("VT1004")]
    public static IEnumerable<Entity> TeamsWithoutInterdependence(Organization org, RuleOptions options)
        => org.Units.Where(u => u.Kind == UnitKind.Team).Where(team =>
        {
            if (team.SharedGoal == false) return true;
            var members = DirectMembers(org, team).ToList();
            var stages = members.SelectMany(m => m.Roles).Select(r => r.FunnelStage).Where(s => s != FunnelStage.None).Distinct().Count();
            // Issue 10: every member states roles and every role its stage, else the stages are unknown.
            var known = members.All(m => m.RolesStated && m.Roles.Count > 0 && m.Roles.All(r => r.FunnelStage != FunnelStage.None || r.HasPropertyPosition("funnelStage")));
            return members.Count >= 2 && known && stages == 1;
        });

    [ReferenceRule("VT1005")]
    public static IEnumerable<Entity> PreemptedResponsibility(Organization org, RuleOptions options)
        => org.DecisionRights.Where(d =>
        {
            var owners = d.OwnerUnits;
            if (owners.Count == 0) return false;
            bool Outside(Unit u) => !owners.Contains(u);
            return d.RequiresApprovalFromUnits.Any(Outside)
                || d.GovernedByPolicies.Any(p => p.OwnerUnit != null && Outside(p.OwnerUnit))
                || d.GovernedByProcesses.Any(p => p.Mandatory && p.OwnerUnit != null && Outside(p.OwnerUnit));
        });

    [ReferenceRule("VT1006")]
    public static IEnumerable<Entity> UnclearDecisionOwners(Organization org, RuleOptions options)
    {
        var maxOwners = options.Int("VT1006", "maxOwners", 1, min: 1);
        return org.DecisionRights.Where(d => d.OwnerUnits.Distinct().Count() + d.OwnerRoles.Distinct().Count() + d.OwnerPeople.Distinct().Count() is var n
            && (n == 0 || n > maxOwners));
    }

    [ReferenceRule("VT1007")]
    public static IEnumerable<Entity> FunnelUnitsWithoutCustomerFeedback(Organization org, RuleOptions options)
    {
        var includeIndirect = options.Bool("VT1007", "includeIndirect", true);
        var functions = options.Set("VT1007", "functions", BusinessFunction.Marketing, BusinessFunction.Sales, BusinessFunction.Support, BusinessFunction.Product);
        return org.Units.Where(u =>
            (u.CustomerContact == CustomerContact.None || (includeIndirect && u.CustomerContact == CustomerContact.Indirect))
            && (functions.Contains(u.Function) || org.Offerings.Any(o => o.Funnel.Any(s => s.Unit == u))));
    }

    [ReferenceRule("VT1008")]
    public static IEnumerable<Entity> PlanningOrgies(Organization org, RuleOptions options)
    {
        var granularities = options.Set("VT1008", "granularities", ForecastGranularity.Person);
        // Recurring cadences from the most to the least frequent; once and ad hoc are not recurring.
        var recurring = new List<Cadence> { Cadence.Daily, Cadence.Weekly, Cadence.Biweekly, Cadence.Monthly, Cadence.Quarterly, Cadence.HalfYearly, Cadence.Yearly };
        var limits = options.Set("VT1008", "maxCadence", Cadence.Weekly).Where(recurring.Contains).ToList();
        var limit = limits.Count == 0 ? recurring.IndexOf(Cadence.Weekly) : limits.Max(recurring.IndexOf);
        // An unstated granularity or cadence is unknown: it never makes a forecast a planning orgy.
        return org.Forecasts.Where(f => (f.Granularity.HasValue && granularities.Contains(f.Granularity.Value))
            || (f.Cadence.HasValue && recurring.Contains(f.Cadence.Value) && recurring.IndexOf(f.Cadence.Value) <= limit));
    }
}
