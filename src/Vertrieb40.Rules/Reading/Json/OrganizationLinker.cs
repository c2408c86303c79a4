using System.Globalization;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading.Json;

/// <summary>
/// Second stage of reading: duplicate ids, references, and cycles in the unit tree and reporting lines.
/// Every check is linear in the size of the document (dictionaries, one walk per chain).
/// </summary>
/// <param name="org">The organisation to link.</param>
/// <param name="errors">Where problems go.</param>
/// <param name="peopleById">
/// The first <paramref name="indexedPeople"/> people by id, as the linker would index them (first of
/// an id wins, no empty ids), when the reader has it already (HR export): not built a second time.
/// </param>
/// <param name="indexedPeople">How many people, from the start of the list, <paramref name="peopleById"/> holds.</param>
internal sealed class OrganizationLinker(Organization org, InputErrors errors, Dictionary<string, Person>? peopleById = null, int indexedPeople = 0)
{
    private Dictionary<string, Unit> _units = new();
    private Dictionary<string, Person> _people = new();
    private Dictionary<object, LookAlikeIds>? _lookAlikes;
    private Dictionary<string, Role> _roles = new();
    private Dictionary<string, Offering> _offerings = new();
    private Dictionary<string, ApprovalPolicy> _policies = new();
    private Dictionary<string, WorkProcess> _processes = new();

    public void Link()
    {
        _units = Index(org.UnitsList);
        _people = peopleById is null ? Index(org.PeopleList) : Index(org.PeopleList, peopleById, indexedPeople);
        _roles = Index(org.RolesList);
        _offerings = Index(org.OfferingsList);
        _policies = Index(org.ApprovalPoliciesList);
        Index(org.IncentivePlansList); Index(org.TargetsList); Index(org.ForecastsList); Index(org.MeetingsList);
        Index(org.HandoffsList); Index(org.ChannelsList); Index(org.ToolRolloutsList); _processes = Index(org.ProcessesList);
        Index(org.RecognitionProgramsList); Index(org.CultureStatementsList); Index(org.DecisionRightsList);

        foreach (var u in org.Units)
        {
            if (u.ParentId is null) continue;
            u.Parent = Resolve(_units, u, "parentId", u.ParentId, "unit", u.GetPropertyPosition("parentId"));
        }
        var unitTreeIsSound = CheckUnitCycles();
        if (unitTreeIsSound)
        {
            foreach (var u in org.Units) u.Parent?.ChildrenList.Add(u);
            SetDepths();
        }
        else
        {
            // A cyclic tree cannot be walked; drop the parent links so later stages stay safe.
            foreach (var u in org.Units) u.Parent = null;
        }

        foreach (var p in org.People) LinkPerson(p);
        CheckReportingCycles();

        foreach (var o in org.Offerings)
            for (var i = 0; i < o.Funnel.Count; i++)
            {
                var s = o.Funnel[i];
                s.Unit = Resolve(_units, o, $"funnel/{i}/unitId", s.UnitId, "unit", s.Position);
            }
        foreach (var e in org.IncentivePlans)
        {
            LinkScope(e, "participants", e.Participants);
            if (e.DecidedBy != null) LinkScope(e, "decidedBy", e.DecidedBy);
        }
        foreach (var e in org.Targets) LinkScope(e, "appliesTo", e.AppliesTo);
        foreach (var e in org.Forecasts)
        {
            e.OwnerUnit = ResolveOptional(_units, e, "ownerUnitId", e.OwnerUnitId, "unit");
            LinkScope(e, "contributors", e.Contributors);
        }
        foreach (var e in org.Meetings)
        {
            e.ChairUnit = ResolveOptional(_units, e, "chairUnitId", e.ChairUnitId, "unit");
            e.ChairRole = ResolveOptional(_roles, e, "chairRoleId", e.ChairRoleId, "role");
            e.ChairPerson = ResolveOptional(_people, e, "chairPersonId", e.ChairPersonId, "person");
            LinkScope(e, "attendees", e.Attendees);
        }
        foreach (var e in org.ApprovalPolicies)
        {
            e.OwnerUnit = ResolveOptional(_units, e, "ownerUnitId", e.OwnerUnitId, "unit");
            for (var i = 0; i < e.Steps.Count; i++) LinkApproval(e, $"steps/{i}/", e.Steps[i], e.GetPropertyPosition("steps"));
            for (var i = 0; i < e.Thresholds.Count; i++) LinkApproval(e, $"thresholds/{i}/", e.Thresholds[i], e.GetPropertyPosition("thresholds"));
            LinkScope(e, "appliesTo", e.AppliesTo);
        }
        foreach (var e in org.Handoffs)
        {
            e.FromUnit = ResolveOptional(_units, e, "fromUnitId", e.FromUnitId.Length == 0 ? null : e.FromUnitId, "unit");
            e.ToUnit = ResolveOptional(_units, e, "toUnitId", e.ToUnitId.Length == 0 ? null : e.ToUnitId, "unit");
            e.Offering = ResolveOptional(_offerings, e, "offeringId", e.OfferingId, "offering");
        }
        foreach (var e in org.Channels) e.OwnerUnit = ResolveOptional(_units, e, "ownerUnitId", e.OwnerUnitId, "unit");
        foreach (var e in org.ToolRollouts)
        {
            e.MandatedByUnit = ResolveOptional(_units, e, "mandatedByUnitId", e.MandatedByUnitId, "unit");
            e.UsedByUnits = ResolveAll(_units, e, "usedByUnitIds", e.UsedByUnitIds, "unit", e.GetPropertyPosition("usedByUnitIds"));
        }
        foreach (var e in org.Processes)
        {
            e.PerformedByUnit = ResolveOptional(_units, e, "performedByUnitId", e.PerformedByUnitId, "unit");
            e.OwnerUnit = ResolveOptional(_units, e, "ownerUnitId", e.OwnerUnitId, "unit");
        }
        foreach (var e in org.RecognitionPrograms) LinkScope(e, "participants", e.Participants);
        foreach (var e in org.DecisionRights)
        {
            e.OwnerUnits = ResolveAll(_units, e, "ownerUnitIds", e.OwnerUnitIds, "unit", e.GetPropertyPosition("ownerUnitIds"));
            e.RequiresApprovalFromUnits = ResolveAll(_units, e, "requiresApprovalFromUnitIds", e.RequiresApprovalFromUnitIds, "unit", e.GetPropertyPosition("requiresApprovalFromUnitIds"));
            e.GovernedByPolicies = ResolveAll(_policies, e, "governedByPolicyIds", e.GovernedByPolicyIds, "approval policy", e.GetPropertyPosition("governedByPolicyIds"));
            e.OwnerRoles = ResolveAll(_roles, e, "ownerRoleIds", e.OwnerRoleIds, "role", e.GetPropertyPosition("ownerRoleIds"));
            e.OwnerPeople = ResolveAll(_people, e, "ownerPersonIds", e.OwnerPersonIds, "person", e.GetPropertyPosition("ownerPersonIds"));
            e.GovernedByProcesses = ResolveAll(_processes, e, "governedByProcessIds", e.GovernedByProcessIds, "process", e.GetPropertyPosition("governedByProcessIds"));
        }
    }

    private void LinkPerson(Person p)
    {
        // The readers intern ids and people come team by team: the same id string as the person before means the
        // same unit (or manager) — only references that resolved are remembered, so each miss is still reported.
        if (p.UnitId != null)
        {
            if (ReferenceEquals(p.UnitId, _last.UnitId)) p.Unit = _last.Unit;
            else if ((p.Unit = Resolve(_units, p, "unitId", p.UnitId, "unit", p.UnitIdPosition)) != null) _last = _last with { UnitId = p.UnitId, Unit = p.Unit };
        }
        if (p.ManagerId != null)
        {
            if (ReferenceEquals(p.ManagerId, _last.ManagerId)) p.Manager = _last.Manager;
            else if ((p.Manager = Resolve(_people, p, "managerId", p.ManagerId, "person", p.ManagerIdPosition)) != null) _last = _last with { ManagerId = p.ManagerId, Manager = p.Manager };
            // Ids interned once: the reference holds the manager's own id string (the reader's copy of it is garbage).
            if (p.Manager != null) p.ManagerId = p.Manager.Id;
        }
        if (p.RoleIds.Count == 0) return;
        // People share their role-id lists (the readers intern them): one resolved list per shared id list.
        if (ReferenceEquals(p.RoleIds, _last.RoleIds)) { p.Roles = _last.Roles!; return; }
        if (_rolesOfIds.TryGetValue(p.RoleIds, out var shared)) { p.Roles = shared; _last = _last with { RoleIds = p.RoleIds, Roles = shared }; return; }
        var roles = ResolveAll(_roles, p, "roleIds", p.RoleIds, "role", p.RoleIdsPosition);
        p.Roles = roles;
        if (roles.Length == p.RoleIds.Count) _rolesOfIds[p.RoleIds] = roles; // only lists that resolved whole: the others report per person
    }

    private readonly Dictionary<IReadOnlyList<string>, Role[]> _rolesOfIds = new(ReferenceEqualityComparer.Instance);

    // What the person before resolved to (see LinkPerson).
    private (string? UnitId, Unit? Unit, string? ManagerId, Person? Manager, IReadOnlyList<string>? RoleIds, Role[]? Roles) _last;

    private void LinkApproval(Entity owner, string prefix, Approval a, SourcePosition at)
    {
        a.Unit = ResolveOptional(_units, owner, prefix + "unitId", a.UnitId, "unit", at);
        a.Role = ResolveOptional(_roles, owner, prefix + "roleId", a.RoleId, "role", at);
        a.Person = ResolveOptional(_people, owner, prefix + "personId", a.PersonId, "person", at);
    }

    private void LinkScope(Entity owner, string property, Scope scope)
    {
        var pos = owner.GetPropertyPosition(property);
        scope.Units = ResolveAll(_units, owner, property + "/unitIds", scope.UnitIds, "unit", pos);
        scope.Roles = ResolveAll(_roles, owner, property + "/roleIds", scope.RoleIds, "role", pos);
        scope.People = ResolveAll(_people, owner, property + "/personIds", scope.PersonIds, "person", pos);
    }

    private Dictionary<string, T> Index<T>(List<T> items) where T : Entity
        => Index(items, new Dictionary<string, T>(items.Count, StringComparer.Ordinal), 0);

    // Adds the items from `from` on to a map that holds the ones before it.
    private Dictionary<string, T> Index<T>(List<T> items, Dictionary<string, T> map, int from) where T : Entity
    {
        for (var i = from; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Id.Length == 0) continue; // reported as missing already
            if (!map.TryAdd(item.Id, item))
            {
                var first = map[item.Id];
                errors.Add(InputDescriptors.DuplicateId, At(item, "id", item.Start), item.Id, item.Collection, first.Start.Line);
            }
        }
        return map;
    }

    private T? ResolveOptional<T>(Dictionary<string, T> map, Entity owner, string property, string? id, string kind, SourcePosition? at = null) where T : Entity
        => id is null ? null : Resolve(map, owner, property, id, kind, at ?? owner.GetPropertyPosition(property));

    private T? Resolve<T>(Dictionary<string, T> map, Entity owner, string property, string id, string kind, SourcePosition at) where T : Entity
    {
        if (map.TryGetValue(id, out var target)) return target;
        // Built once per collection, on its first miss: an id that looks the same is named in the message.
        _lookAlikes ??= new Dictionary<object, LookAlikeIds>(ReferenceEqualityComparer.Instance);
        if (!_lookAlikes.TryGetValue(map, out var lookAlike)) _lookAlikes[map] = lookAlike = new LookAlikeIds(map.Keys);
        errors.Add(InputDescriptors.UnresolvedReference, At(owner, property, at), owner.Collection + "/" + owner.Id + "." + property.Replace('/', '.'), new ReferenceKind(kind), id, lookAlike.Hint(id));
        return null;
    }

    private T[] ResolveAll<T>(Dictionary<string, T> map, Entity owner, string property, IReadOnlyList<string> ids, string kind, SourcePosition at) where T : Entity
    {
        if (ids.Count == 0) return Array.Empty<T>();
        // The common case (every id resolves) allocates only the result: the property path for the error
        // message is formatted only when an id does not resolve (millions of role references otherwise).
        var result = new T[ids.Count];
        var n = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var t = map.TryGetValue(ids[i], out var found)
                ? found
                : Resolve(map, owner, property + "/" + i.ToString(CultureInfo.InvariantCulture), ids[i], kind, at);
            if (t != null) result[n++] = t;
        }
        if (n < result.Length) Array.Resize(ref result, n);
        return result;
    }

    private bool CheckUnitCycles()
    {
        // 0 = unvisited, otherwise the number of the walk that first reached the unit.
        var walkOf = new Dictionary<Unit, int>(org.Units.Count, ReferenceEqualityComparer.Instance);
        var sound = true;
        var walk = 0;
        foreach (var start in org.Units)
        {
            if (walkOf.ContainsKey(start)) continue;
            walk++;
            var chain = new List<Unit>();
            Unit? u = start;
            while (u != null && !walkOf.ContainsKey(u))
            {
                walkOf[u] = walk;
                chain.Add(u);
                u = u.Parent;
            }
            if (u != null && walkOf[u] == walk)
            {
                sound = false;
                ReportUnitCycle(chain, u);
            }
        }
        return sound;
    }

    // A method of its own: the lambdas here would otherwise capture the walk's variable, which then costs an
    // object for every unit walked from.
    private void ReportUnitCycle(List<Unit> chain, Unit u)
    {
        var cycle = chain.SkipWhile(x => !ReferenceEquals(x, u)).ToList();
        var first = cycle.OrderBy(x => x.Index).First();
        var text = cycle.Count == 1 ? $"unit '{first.Id}' is its own parent" : string.Join(" → ", Rotate(cycle, first).Select(x => x.Id)) + " → " + first.Id;
        errors.Add(InputDescriptors.Cycle, At(first, "parentId", first.GetPropertyPosition("parentId")), "The unit hierarchy", text);
    }

    private void CheckReportingCycles()
    {
        var people = org.People;
        // Person.Index is its position in the JSON array (increasing; elements that were not objects leave gaps),
        // so an int array is enough (no dictionary for 1M people).
        var walkOf = new int[IndexBound(people)];
        var walk = 0;
        var chain = new List<Person>();
        for (var s = 0; s < people.Count; s++)
        {
            if (walkOf[s] != 0) continue;
            walk++;
            chain.Clear();
            Person? p = people[s];
            while (p != null && walkOf[p.Index] == 0)
            {
                walkOf[p.Index] = walk;
                chain.Add(p);
                p = p.Manager;
            }
            if (p != null && walkOf[p.Index] == walk) ReportReportingCycle(chain, p);
        }
    }

    // A method of its own: the lambdas here would otherwise capture the walk's variable, which then costs an
    // object for every person walked from (a million at a million people).
    private void ReportReportingCycle(List<Person> chain, Person p)
    {
        var cycle = chain.SkipWhile(x => !ReferenceEquals(x, p)).ToList();
        var first = cycle.OrderBy(x => x.Index).First();
        var text = cycle.Count == 1
            ? $"person '{first.Id}' is their own manager"
            : string.Join(" → ", Rotate(cycle, first).Select(x => x.Id)) + " → " + first.Id;
        errors.Add(InputDescriptors.Cycle, At(first, "managerId", first.ManagerIdPosition), "The reporting line", text);
        foreach (var c in cycle) c.Manager = null; // keep later stages safe from endless walks
    }

    // Entity.Index is the position in the JSON array, which can exceed the list position (non-objects are skipped).
    private static int IndexBound<T>(IReadOnlyList<T> items) where T : Entity
    {
        var max = -1;
        foreach (var item in items) max = Math.Max(max, item.Index);
        return max + 1;
    }

    private static IEnumerable<T> Rotate<T>(List<T> cycle, T first)
    {
        var i = cycle.IndexOf(first);
        return cycle.Skip(i).Concat(cycle.Take(i));
    }

    // Linear in the number of units, also for a chain of 100,000 units (walking up from every unit would be quadratic).
    private void SetDepths()
    {
        var known = new bool[IndexBound(org.UnitsList)];
        var chain = new List<Unit>();
        foreach (var start in org.Units)
        {
            chain.Clear();
            Unit? u = start;
            while (u != null && !known[u.Index]) { chain.Add(u); u = u.Parent; }
            var depth = u is null ? -1 : u.Depth;
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                chain[i].Depth = ++depth;
                known[chain[i].Index] = true;
            }
        }
    }

    private Location At(Entity e, string property, SourcePosition pos)
    {
        var p = pos.IsKnown ? pos : e.Start;
        return new Location(e.FileOr(org.FilePath), e.Pointer + "/" + property, new LineSpan(p.Line, p.Column, p.Line, p.Column), e.Collection, e.Id);
    }
}
