using System.Runtime.CompilerServices;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// Derived facts computed once per analysis, in linear time (the counterpart of Roslyn's semantic model).
/// Rules keep their conditions on single facts and ask this model for counts instead of joining large
/// fact sets: NRules evaluates joins pair by pair, which does not scale to a million people.
/// </summary>
public sealed class SemanticModel
{
    private readonly int[] _enter;   // pre-order number of each unit (by Unit.Index)
    private readonly int[] _exit;    // last pre-order number within the unit's subtree
    private readonly int[] _directPeople;
    private readonly int[] _subtreePeople;
    private readonly Unit[] _preorder; // units in pre-order: a parent always before its children
    private readonly ConditionalWeakTable<Scope, StrongBox<int>> _reach = new();
    // Role filters, computed once per distinct role set (key: the roles' ids, ordered): how many people hold
    // one of the roles, in each unit's subtree and in total. A scope with a role filter is then O(its units)
    // instead of a pass over every person (1M people × thousands of role-scoped practices was quadratic).
    private readonly Dictionary<string, (int[] Subtree, int Total)> _roleReach = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Builds the model for an organisation that was read without errors.</summary>
    public SemanticModel(Organization organization)
    {
        Organization = organization ?? throw new ArgumentNullException(nameof(organization));
        var units = organization.Units;
        _enter = new int[units.Count];
        _exit = new int[units.Count];
        _directPeople = new int[units.Count];
        _subtreePeople = new int[units.Count];
        _preorder = new Unit[units.Count];

        // Pre-order numbering (iterative: deep trees must not overflow the stack).
        var counter = 0;
        var stack = new Stack<(Unit Unit, int Child)>();
        foreach (var root in units.Where(u => u.Parent is null))
        {
            stack.Push((root, 0));
            _preorder[counter] = root;
            _enter[root.Index] = counter++;
            while (stack.Count > 0)
            {
                var (u, child) = stack.Pop();
                if (child < u.Children.Count)
                {
                    stack.Push((u, child + 1));
                    var c = u.Children[child];
                    _preorder[counter] = c;
                    _enter[c.Index] = counter++;
                    stack.Push((c, 0));
                }
                else _exit[u.Index] = counter - 1;
            }
        }

        foreach (var p in organization.People)
            if (p.Unit != null) _directPeople[p.Unit.Index]++;
        Array.Copy(_directPeople, _subtreePeople, units.Count);
        SumSubtrees(_subtreePeople);
    }

    // Children come after their parent in pre-order: walking it backwards adds every subtree into its
    // parent after the subtree is complete (linear; no sort by depth).
    private void SumSubtrees(int[] counts)
    {
        for (var i = _preorder.Length - 1; i >= 0; i--)
        {
            var u = _preorder[i];
            if (u?.Parent != null) counts[u.Parent.Index] += counts[u.Index];
        }
    }

    /// <summary>The organisation.</summary>
    public Organization Organization { get; }

    // Units in pre-order (a subtree is a contiguous run); entries stay null for units no root reaches.
    internal Unit?[] PreorderUnits => _preorder;

    /// <summary>The units strictly below <paramref name="ancestor"/> (its pre-order run: linear in the subtree, not in the organisation).</summary>
    internal IEnumerable<Unit> UnitsBelow(Unit ancestor)
    {
        for (var i = _enter[ancestor.Index] + 1; i <= _exit[ancestor.Index] && i < _preorder.Length; i++)
            if (_preorder[i] is { } u) yield return u;
    }

    /// <summary>The number of people in the organisation.</summary>
    public int PeopleCount => Organization.People.Count;

    /// <summary>People whose unit is exactly <paramref name="unit"/>.</summary>
    public int DirectPeople(Unit unit) => _directPeople[unit.Index];

    /// <summary>People in <paramref name="unit"/> and its sub-units.</summary>
    public int SubtreePeople(Unit unit) => _subtreePeople[unit.Index];

    /// <summary>True when <paramref name="unit"/> is <paramref name="ancestor"/> or lies below it (O(1)).</summary>
    public bool IsWithin(Unit unit, Unit ancestor)
        => _enter[unit.Index] >= _enter[ancestor.Index] && _enter[unit.Index] <= _exit[ancestor.Index];

    /// <summary>How many people a scope reaches (cached per scope).</summary>
    public int Reach(Scope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            if (_reach.TryGetValue(scope, out var box)) return box.Value;
            var value = ComputeReach(scope);
            _reach.AddOrUpdate(scope, new StrongBox<int>(value));
            return value;
        }
    }

    /// <summary>True when <paramref name="person"/> is within <paramref name="scope"/>.</summary>
    public bool Contains(Scope scope, Person person)
    {
        if (scope.Everyone) return true;
        if (MatchesFilter(scope, person)) return true;
        foreach (var p in scope.People) if (ReferenceEquals(p, person)) return true;
        return false;
    }

    private bool MatchesFilter(Scope scope, Person person)
    {
        if (scope.Units.Count == 0 && scope.Roles.Count == 0) return false;
        if (scope.Units.Count > 0)
        {
            if (person.Unit is null) return false;
            var inside = false;
            foreach (var u in scope.Units)
                if (IsWithin(person.Unit, u)) { inside = true; break; }
            if (!inside) return false;
        }
        if (scope.Roles.Count > 0)
        {
            foreach (var r in person.Roles)
                foreach (var wanted in scope.Roles)
                    if (ReferenceEquals(r, wanted)) return true;
            return false;
        }
        return true;
    }

    // Called under _gate.
    private (int[] Subtree, int Total) RoleReach(IReadOnlyList<Role> roles)
    {
        var key = roles.Count == 1 ? roles[0].Id : string.Join("\u0001", roles.Select(r => r.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal));
        if (_roleReach.TryGetValue(key, out var cached)) return cached;
        if (roles.Count == 1 && !_singleRolesPrefetched)
        {
            PrefetchSingleRoles();
            if (_roleReach.TryGetValue(key, out cached)) return cached;
        }
        var subtree = new int[_directPeople.Length];
        var total = 0;
        foreach (var p in Organization.People)
        {
            var holds = false;
            foreach (var r in p.Roles)
            {
                foreach (var wanted in roles)
                    if (ReferenceEquals(r, wanted)) { holds = true; break; }
                if (holds) break;
            }
            if (!holds) continue;
            total++;
            if (p.Unit != null) subtree[p.Unit.Index]++;
        }
        SumSubtrees(subtree);
        return _roleReach[key] = (subtree, total);
    }

    private bool _singleRolesPrefetched;

    // Every single role that a scope of the document filters by, counted in ONE pass over the people
    // (a pass per role grew with the number of roles used, i.e. faster than linear). Roles that only
    // appear in scopes this method does not know about are still computed on demand, one pass each.
    private void PrefetchSingleRoles()
    {
        _singleRolesPrefetched = true;
        var org = Organization;
        var scopes = org.IncentivePlans.Select(e => e.Participants)
            .Concat(org.Targets.Select(e => e.AppliesTo))
            .Concat(org.Forecasts.Select(e => e.Contributors))
            .Concat(org.Meetings.Select(e => e.Attendees))
            .Concat(org.ApprovalPolicies.Select(e => e.AppliesTo))
            .Concat(org.RecognitionPrograms.Select(e => e.Participants));
        var slotOf = new Dictionary<Role, int>(ReferenceEqualityComparer.Instance);
        foreach (var scope in scopes)
            if (scope is { Everyone: false, Roles.Count: 1 } && !_roleReach.ContainsKey(scope.Roles[0].Id))
                slotOf.TryAdd(scope.Roles[0], slotOf.Count);
        if (slotOf.Count == 0) return;
        var subtrees = new int[slotOf.Count][];
        for (var i = 0; i < subtrees.Length; i++) subtrees[i] = new int[_directPeople.Length];
        var totals = new int[slotOf.Count];
        foreach (var p in org.People)
        {
            var roles = p.Roles;
            for (var i = 0; i < roles.Count; i++)
            {
                if (!slotOf.TryGetValue(roles[i], out var slot)) continue;
                var duplicate = false; // a role listed twice counts the person once
                for (var j = 0; j < i; j++) if (ReferenceEquals(roles[j], roles[i])) { duplicate = true; break; }
                if (duplicate) continue;
                totals[slot]++;
                if (p.Unit != null) subtrees[slot][p.Unit.Index]++;
            }
        }
        foreach (var (role, slot) in slotOf)
        {
            SumSubtrees(subtrees[slot]);
            _roleReach[role.Id] = (subtrees[slot], totals[slot]);
        }
    }

    /// <summary>People in the units and their sub-units; a unit listed below another listed unit is counted once.</summary>
    public int PeopleIn(IReadOnlyCollection<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return SumOverOutermost(units, _subtreePeople);
    }

    // Sums a per-unit subtree count over the listed units that lie below no other listed unit.
    private int SumOverOutermost(IReadOnlyCollection<Unit> units, int[] subtreeCounts)
    {
        var count = 0;
        foreach (var u in units.Distinct())
            if (!units.Any(o => !ReferenceEquals(o, u) && IsWithin(u, o))) count += subtreeCounts[u.Index];
        return count;
    }

    private int ComputeReach(Scope scope)
    {
        if (scope.Everyone) return PeopleCount;
        var count = 0;
        if (scope.Roles.Count == 0 && scope.Units.Count > 0)
        {
            count += SumOverOutermost(scope.Units, _subtreePeople);
        }
        else if (scope.Roles.Count > 0)
        {
            var (subtree, total) = RoleReach(scope.Roles);
            if (scope.Units.Count == 0) count += total;
            else count += SumOverOutermost(scope.Units, subtree);
        }
        foreach (var p in scope.People.Distinct())
            if (!MatchesFilter(scope, p)) count++;
        return count;
    }
}
