using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// A sales unit that is not a team (a division, department or group of kind other than team) together with
/// the number of its direct members who hold a sales role: people who sell without belonging to a team.
/// One fact per such unit with at least one of them; built once in a single pass over the people.
/// </summary>
internal sealed class SalesPeopleOutsideTeams
{
    private SalesPeopleOutsideTeams(Unit unit, int count)
    {
        Unit = unit;
        Count = count;
    }

    /// <summary>The sales unit that is not a team.</summary>
    public Unit Unit { get; }

    /// <summary>Its direct members (not those of its sub-units) who hold at least one sales role.</summary>
    public int Count { get; }

    /// <summary>True for a unit whose members sell outside a team: its function is sales and it is no team.</summary>
    public static bool IsSalesUnitOutsideTeams(Unit unit) => unit.Function == BusinessFunction.Sales && !unit.IsTeam;

    /// <summary>True when the person holds at least one role of the sales function.</summary>
    public static bool HoldsSalesRole(Person person)
    {
        foreach (var r in person.Roles)
            if (r.Function == BusinessFunction.Sales) return true;
        return false;
    }

    /// <summary>Counts per unit in one pass over the people (linear in the organisation's size).</summary>
    public static List<SalesPeopleOutsideTeams> Build(SemanticModel model)
    {
        var units = model.Organization.Units;
        var counts = new int[units.Count];
        foreach (var p in model.Organization.People)
            if (p.Unit != null && IsSalesUnitOutsideTeams(p.Unit) && HoldsSalesRole(p)) counts[p.Unit.Index]++;
        var facts = new List<SalesPeopleOutsideTeams>();
        foreach (var u in units)
            if (counts[u.Index] > 0) facts.Add(new SalesPeopleOutsideTeams(u, counts[u.Index]));
        return facts;
    }
}
