using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// A sales unit that is not a team (a division, department or group of kind other than team) together with
/// the number of its direct members who hold a sales role: people who sell without belonging to a team.
/// One fact per such unit with at least one of them; and (issue 10) one per sales role held by people who belong
/// to no unit at all — counted at the role, never pointing at a person. Built once in a single pass over the people.
/// </summary>
internal sealed class SalesPeopleOutsideTeams
{
    private SalesPeopleOutsideTeams(Unit? unit, Role? role, int count)
    {
        Unit = unit;
        Role = role;
        Count = count;
    }

    /// <summary>The sales unit that is not a team; null for people with no unit (see <see cref="Role"/>).</summary>
    public Unit? Unit { get; }

    /// <summary>The sales role held by people who belong to no unit; null for a unit.</summary>
    public Role? Role { get; }

    /// <summary>The entity the finding is reported at: the unit, or the role.</summary>
    public Entity At => (Entity?)Unit ?? Role!;

    /// <summary>The unit's direct members (not those of its sub-units) who hold at least one sales role; or the people with no unit who hold the role.</summary>
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

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<SalesPeopleOutsideTeams>(Build);

    /// <summary>Counts per unit in one pass over the people (linear in the organisation's size).</summary>
    public static List<SalesPeopleOutsideTeams> Build(SemanticModel model)
    {
        var units = model.Organization.Units;
        var counts = new int[IndexBound(units)];
        Dictionary<Role, int>? withoutUnit = null;
        foreach (var p in model.Organization.People)
        {
            if (p.Unit != null)
            {
                if (IsSalesUnitOutsideTeams(p.Unit) && HoldsSalesRole(p)) counts[p.Unit.Index]++;
            }
            else if (p.UnitId is null)
            {
                // No unit at all (not an unresolved one: that is an input error): a lone fighter too.
                foreach (var r in p.Roles.Distinct())
                    if (r.Function == BusinessFunction.Sales)
                    {
                        withoutUnit ??= new Dictionary<Role, int>(ReferenceEqualityComparer.Instance);
                        withoutUnit[r] = withoutUnit.TryGetValue(r, out var n) ? n + 1 : 1;
                    }
            }
        }
        var facts = new List<SalesPeopleOutsideTeams>();
        foreach (var u in units)
            if (counts[u.Index] > 0) facts.Add(new SalesPeopleOutsideTeams(u, null, counts[u.Index]));
        if (withoutUnit != null)
            foreach (var r in model.Organization.Roles)
                if (withoutUnit.TryGetValue(r, out var n)) facts.Add(new SalesPeopleOutsideTeams(null, r, n));
        return facts;
    }

    private static int IndexBound(IReadOnlyList<Unit> units)
    {
        var max = -1;
        foreach (var u in units) max = Math.Max(max, u.Index);
        return max + 1;
    }
}
