using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Scoring;

/// <summary>One unit of an <see cref="OrganizationOutline"/>: a structure, never a person.</summary>
/// <param name="Index">Position in <see cref="OrganizationOutline.Units"/> (the document order).</param>
/// <param name="Id">The unit's id.</param>
/// <param name="Name">The unit's display name (its name, else its id).</param>
/// <param name="Kind">Company, division, department, team.</param>
/// <param name="Function">The unit's business function.</param>
/// <param name="ParentIndex">The parent's index, or -1 for a root.</param>
/// <param name="Depth">0 for a root.</param>
/// <param name="DirectPeople">People whose unit is exactly this one.</param>
/// <param name="SubtreePeople">People in this unit and its sub-units.</param>
internal sealed record OutlineUnit(int Index, string Id, string Name, UnitKind Kind, BusinessFunction Function,
    int ParentIndex, int Depth, int DirectPeople, int SubtreePeople)
{
    /// <summary>The children's indexes, in document order.</summary>
    public IReadOnlyList<int> Children { get; internal set; } = Array.Empty<int>();
}

/// <summary>An entity that the score counts as "checked": its kind, id, and the units it belongs to.</summary>
/// <param name="Kind">The collection, e.g. <c>meetings</c>.</param>
/// <param name="Id">The entity's id.</param>
/// <param name="Units">Indexes of the units it belongs to (owner, chair, scope units, …; the roots when it belongs to the whole organisation).</param>
internal sealed record OutlineEntity(string Kind, string Id, IReadOnlyList<int> Units);

/// <summary>
/// What scoring and reports need to know of an organisation after the analysis, kept small so that a batch
/// of large documents does not keep every model alive: the unit tree (names and head counts only — no
/// people), the checked entities with the units they belong to, and the units of the people that findings
/// point at. Built by the engine at the end of an analysis; tests may build one by hand.
/// </summary>
internal sealed class OrganizationOutline
{
    private readonly Dictionary<(string Kind, string Id), IReadOnlyList<int>> _attribution;
    private readonly IReadOnlyList<int> _roots;

    /// <summary>
    /// Creates an outline from its parts. Unit <c>i</c> must have <see cref="OutlineUnit.Index"/> <c>i</c>, and the
    /// parent indexes must form a tree (-1 for a root). <paramref name="extraAttribution"/> attributes entities that
    /// are not checked (people) to units.
    /// </summary>
    public OrganizationOutline(string? name, IReadOnlyList<OutlineUnit> units, IReadOnlyList<OutlineEntity> entities,
        IReadOnlyDictionary<(string Kind, string Id), IReadOnlyList<int>>? extraAttribution = null)
    {
        Name = name;
        Units = units ?? throw new ArgumentNullException(nameof(units));
        Entities = entities ?? throw new ArgumentNullException(nameof(entities));
        var children = new List<int>[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Index != i) throw new ArgumentException($"Unit {units[i].Id} has index {units[i].Index}, expected {i}.", nameof(units));
            children[i] = new List<int>();
        }
        var roots = new List<int>();
        foreach (var u in units)
        {
            if (u.ParentIndex < 0) roots.Add(u.Index);
            else children[u.ParentIndex].Add(u.Index);
        }
        for (var i = 0; i < units.Count; i++) units[i].Children = children[i];
        _roots = roots;
        _attribution = new Dictionary<(string, string), IReadOnlyList<int>>();
        foreach (var e in entities) _attribution[(e.Kind, e.Id)] = e.Units;
        if (extraAttribution != null)
            foreach (var kv in extraAttribution) _attribution.TryAdd(kv.Key, kv.Value);
    }

    private int[]? _preorder;

    // The units reachable from the roots in pre-order (a parent before its children; iterative, so a chain of
    // 100,000 units does not overflow the stack). Walking it backwards rolls values up the tree in linear time.
    internal int[] Preorder
    {
        get
        {
            if (_preorder != null) return _preorder;
            var order = new List<int>(Units.Count);
            var seen = new bool[Units.Count];
            var stack = new Stack<int>();
            for (var r = _roots.Count - 1; r >= 0; r--) stack.Push(_roots[r]);
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                if (u < 0 || u >= Units.Count || seen[u]) continue;
                seen[u] = true;
                order.Add(u);
                var children = Units[u].Children;
                for (var c = children.Count - 1; c >= 0; c--) stack.Push(children[c]);
            }
            return _preorder = order.ToArray();
        }
    }

    /// <summary>The organisation's name.</summary>
    public string? Name { get; }
    /// <summary>Every unit, by index.</summary>
    public IReadOnlyList<OutlineUnit> Units { get; }
    /// <summary>Indexes of the root units.</summary>
    public IReadOnlyList<int> Roots => _roots;
    /// <summary>The entities the score counts as checked (units, roles and practices; never people).</summary>
    public IReadOnlyList<OutlineEntity> Entities { get; }

    /// <summary>
    /// The units a diagnostic belongs to: those of the entity its location names, else the roots (a finding
    /// about the whole document belongs to the whole organisation).
    /// </summary>
    public IReadOnlyList<int> UnitsOf(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var l = diagnostic.Location;
        if (l.EntityKind != null && l.EntityId != null && _attribution.TryGetValue((l.EntityKind, l.EntityId), out var units) && units.Count > 0)
            return units;
        return _roots;
    }

    /// <summary>Builds the outline of an analysed organisation; <paramref name="diagnostics"/> tells which people need a unit.</summary>
    public static OrganizationOutline Build(Organization organization, SemanticModel model, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(model);
        var units = new OutlineUnit[organization.Units.Count];
        foreach (var u in organization.Units)
            units[u.Index] = new OutlineUnit(u.Index, u.Id, u.DisplayName, u.Kind, u.Function, u.Parent?.Index ?? -1, u.Depth,
                model.DirectPeople(u), model.SubtreePeople(u));
        var roots = organization.Units.Where(u => u.Parent is null).Select(u => u.Index).ToArray();

        // Role → units of its holders: one linear pass over people (a million people, a few hundred roles).
        var roleUnits = new Dictionary<Role, HashSet<int>>(ReferenceEqualityComparer.Instance);
        foreach (var p in organization.People)
        {
            if (p.Unit is null) continue;
            foreach (var r in p.Roles)
            {
                if (!roleUnits.TryGetValue(r, out var set)) roleUnits[r] = set = new HashSet<int>();
                set.Add(p.Unit.Index);
            }
        }

        IReadOnlyList<int> Final(HashSet<int> set)
        {
            if (set.Count == 0) return roots;
            var sorted = set.ToArray();
            Array.Sort(sorted);
            return sorted;
        }

        void AddScope(HashSet<int> set, Scope scope)
        {
            if (scope.Everyone) { set.UnionWith(roots); return; }
            if (scope.Units.Count > 0) foreach (var u in scope.Units) set.Add(u.Index);
            else foreach (var r in scope.Roles) if (roleUnits.TryGetValue(r, out var ru)) set.UnionWith(ru);
            foreach (var p in scope.People) if (p.Unit != null) set.Add(p.Unit.Index);
        }

        var entities = new List<OutlineEntity>();
        void Add(Entity e, Action<HashSet<int>> fill)
        {
            var set = new HashSet<int>();
            fill(set);
            entities.Add(new OutlineEntity(e.Collection, e.Id, Final(set)));
        }

        // A scope that names one role reaches every unit its holders work in — at a million people tens of
        // thousands of units. Building, hashing and sorting that set again for each of thousands of
        // role-scoped practices was quadratic (1M people: seconds and a gigabyte of garbage), so the sorted
        // unit list of each role is built once and shared when the entity adds no unit outside it.
        var roleSorted = new Dictionary<Role, int[]>(ReferenceEqualityComparer.Instance);
        int[]? RoleUnits(Role role)
        {
            if (!roleUnits.TryGetValue(role, out var ru) || ru.Count == 0) return null;
            if (!roleSorted.TryGetValue(role, out var sorted))
            {
                roleSorted[role] = sorted = ru.ToArray();
                Array.Sort(sorted);
            }
            return sorted;
        }
        void AddScoped(Entity e, Scope scope, Action<HashSet<int>>? extra = null)
        {
            if (!scope.Everyone && scope.Units.Count == 0 && scope.People.Count == 0 && scope.Roles.Count == 1
                && roleUnits.TryGetValue(scope.Roles[0], out var ru) && ru.Count > 0)
            {
                var sorted = RoleUnits(scope.Roles[0])!;
                int[]? outside = null;
                if (extra != null)
                {
                    var more = new HashSet<int>();
                    extra(more);
                    if (more.Any(i => !ru.Contains(i))) outside = more.Where(i => !ru.Contains(i)).OrderBy(i => i).ToArray();
                }
                if (outside is null)
                {
                    entities.Add(new OutlineEntity(e.Collection, e.Id, sorted));
                    return;
                }
                // A few units outside the role's: the role's list stays shared (a merged copy per practice was
                // 86 kB each at a million people, and the score walked each copy again).
                entities.Add(new OutlineEntity(e.Collection, e.Id, new SharedUnitList(sorted, outside)));
                return;
            }
            Add(e, s => { extra?.Invoke(s); AddScope(s, scope); });
        }

        // A unit is its own one-unit list, and a role the sorted list of its holders' units — the same array the
        // practices scoped to it share (no set per unit or role: 124,000 of them at a million people).
        foreach (var e in organization.Units) entities.Add(new OutlineEntity(e.Collection, e.Id, new[] { e.Index }));
        foreach (var e in organization.Roles)
            entities.Add(new OutlineEntity(e.Collection, e.Id, RoleUnits(e) ?? roots));
        foreach (var e in organization.Offerings) Add(e, s => { foreach (var f in e.Funnel) if (f.Unit != null) s.Add(f.Unit.Index); });
        foreach (var e in organization.IncentivePlans) AddScoped(e, e.Participants);
        foreach (var e in organization.Targets) AddScoped(e, e.AppliesTo);
        foreach (var e in organization.Forecasts) AddScoped(e, e.Contributors, s => { if (e.OwnerUnit != null) s.Add(e.OwnerUnit.Index); });
        foreach (var e in organization.Meetings) AddScoped(e, e.Attendees, s => { if (e.ChairUnit != null) s.Add(e.ChairUnit.Index); });
        foreach (var e in organization.ApprovalPolicies) AddScoped(e, e.AppliesTo, s =>
        {
            if (e.OwnerUnit != null) s.Add(e.OwnerUnit.Index);
            foreach (var step in e.Steps) if (step.Unit != null) s.Add(step.Unit.Index);
        });
        foreach (var e in organization.Handoffs) Add(e, s => { if (e.FromUnit != null) s.Add(e.FromUnit.Index); if (e.ToUnit != null) s.Add(e.ToUnit.Index); });
        foreach (var e in organization.Channels) Add(e, s => { if (e.OwnerUnit != null) s.Add(e.OwnerUnit.Index); });
        foreach (var e in organization.ToolRollouts) Add(e, s =>
        {
            if (e.MandatedByUnit != null) s.Add(e.MandatedByUnit.Index);
            foreach (var u in e.UsedByUnits) s.Add(u.Index);
        });
        foreach (var e in organization.Processes) Add(e, s => { if (e.PerformedByUnit != null) s.Add(e.PerformedByUnit.Index); });
        foreach (var e in organization.RecognitionPrograms) AddScoped(e, e.Participants);
        foreach (var e in organization.CultureStatements) Add(e, s => s.UnionWith(roots));
        foreach (var e in organization.DecisionRights) Add(e, s =>
        {
            foreach (var u in e.OwnerUnits) s.Add(u.Index);
            foreach (var u in e.RequiresApprovalFromUnits) s.Add(u.Index);
        });

        // People are not checked entities (the score judges structures), but a finding may still point at a
        // person's entry; it then belongs to that person's unit. Only those people are remembered.
        var wanted = new HashSet<string>(diagnostics.Where(d => d.Location.EntityKind == "people" && d.Location.EntityId != null)
            .Select(d => d.Location.EntityId!), StringComparer.Ordinal);
        var extra = new Dictionary<(string, string), IReadOnlyList<int>>();
        if (wanted.Count > 0)
            foreach (var p in organization.People)
                if (p.Unit != null && wanted.Contains(p.Id)) extra[("people", p.Id)] = new[] { p.Unit.Index };

        return new OrganizationOutline(organization.Name, units, entities, extra);
    }
}

/// <summary>
/// The units of a practice scoped to one role plus a few units of its own outside the role's (a chair's, an
/// owner's): the role's sorted list shared by every such practice, and the others. Reads as one sorted list.
/// </summary>
internal sealed class SharedUnitList : IReadOnlyList<int>
{
    private int[]? _merged;

    public SharedUnitList(int[] shared, int[] outside)
    {
        Shared = shared;
        Outside = outside;
    }

    /// <summary>The role's units, sorted; the same array for every practice scoped to the role.</summary>
    public int[] Shared { get; }

    /// <summary>This practice's units outside <see cref="Shared"/>, sorted.</summary>
    public int[] Outside { get; }

    public int Count => Shared.Length + Outside.Length;

    public int this[int index] => (_merged ??= Merge())[index];

    private int[] Merge()
    {
        var merged = new int[Count];
        var m = 0;
        foreach (var u in this) merged[m++] = u;
        return merged;
    }

    public IEnumerator<int> GetEnumerator()
    {
        if (_merged != null)
        {
            foreach (var u in _merged) yield return u;
            yield break;
        }
        int a = 0, b = 0;
        while (a < Shared.Length || b < Outside.Length)
            yield return b >= Outside.Length || (a < Shared.Length && Shared[a] < Outside[b]) ? Shared[a++] : Outside[b++];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
