using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Rules.Team;
using Vertrieb40.Rules.Analysis;

namespace Vertrieb40.Rules.Scoring;

/// <summary>
/// Computes <see cref="Exposure"/> after the rules ran: one bit per person and rule. People are numbered in the
/// pre-order of their units, so that the people of a unit's subtree are one contiguous run of bits — a finding about
/// a unit or a unit-scoped practice sets a range (64 people per step), a role-scoped one the positions of the role's
/// holders. Cost: linear in people, plus the reach of the distinct scopes.
/// </summary>
internal sealed class ExposureCalculator
{
    private readonly Organization _org;
    private readonly RuleOptions _options;
    private readonly int _n;
    private readonly int _words;
    private readonly int[] _start;    // by unit index: first position of the unit's people (-1: unit not in the tree)
    private readonly int[] _direct;   // by unit index
    private readonly int[] _subtree;  // by unit index
    private readonly int[] _order;    // position → index in Organization.People
    private readonly Unit?[] _preorder;
    private Dictionary<Role, List<int>>? _holders;
    private Dictionary<Person, int>? _positions;
    private readonly int _unitless;   // first position of the people without a (reachable) unit

    private ExposureCalculator(Organization org, SemanticModel model, RuleOptions options)
    {
        _org = org;
        _options = options;
        _n = org.People.Count;
        _words = (_n + 63) / 64;
        var units = org.Units;
        _start = new int[units.Count];
        _direct = new int[units.Count];
        _subtree = new int[units.Count];
        Array.Fill(_start, -1);
        _preorder = model.PreorderUnits;
        var next = 0;
        foreach (var u in _preorder)
        {
            if (u is null) continue;
            _start[u.Index] = next;
            _direct[u.Index] = model.DirectPeople(u);
            _subtree[u.Index] = model.SubtreePeople(u);
            next += _direct[u.Index];
        }
        // Counting sort of the people by their unit's pre-order; people without a (reachable) unit go last.
        var fill = (int[])_start.Clone();
        _unitless = next;
        var tail = next;
        _order = new int[_n];
        for (var i = 0; i < _n; i++)
        {
            var unit = org.People[i].Unit;
            var pos = unit != null && fill[unit.Index] >= 0 ? fill[unit.Index]++ : tail++;
            _order[pos] = i;
        }
    }

    /// <summary>The exposure of the counted diagnostics of an analysed organisation.</summary>
    public static Exposure Compute(Organization organization, SemanticModel model, IReadOnlyList<Diagnostic> diagnostics, RuleOptions options)
        => new ExposureCalculator(organization, model, options).Run(diagnostics);

    private Exposure Run(IReadOnlyList<Diagnostic> diagnostics)
    {
        var counted = new List<Diagnostic>();
        foreach (var d in diagnostics)
            if (VertriebScore.Counts(d) && RuleReach.Of(d) == ReachKind.People) counted.Add(d);
        PrepareLookups(counted);

        // One bitset per rule (and one for its error findings, when it has any), in rule-id order.
        var ruleIds = counted.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var slot = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ruleIds.Count; i++) slot[ruleIds[i]] = i;
        var bits = new ulong[ruleIds.Count][];
        var errorBits = new ulong[ruleIds.Count][];
        var severity = new DiagnosticSeverity[ruleIds.Count];
        var category = new string[ruleIds.Count];
        var seen = new HashSet<(int, object)>();
        foreach (var d in counted)
        {
            var r = slot[d.Id];
            bits[r] ??= new ulong[_words];
            category[r] = d.Descriptor.Category;
            severity[r] = Max(severity[r], d.Severity);
            var error = d.Severity == DiagnosticSeverity.Error;
            if (error) errorBits[r] ??= new ulong[_words];
            var target = bits[r];
            // The same scope (or unit) reached twice by one rule adds nothing: skip it.
            var key = ReachKey(d);
            if (key != null && !seen.Add((error ? ~r : r, key))) continue;
            Reach(d, target);
            if (error) Reach(d, errorBits[r]);
        }

        var k = VertriebScore.Categories.Count;
        // Columns: each rule, then per category (any, error), then overall (any, error).
        var columns = new List<ulong[]?>(bits);
        for (var c = 0; c <= k; c++)
        {
            var any = new ulong[_words];
            var err = new ulong[_words];
            for (var r = 0; r < ruleIds.Count; r++)
            {
                if (c < k && category[r] != VertriebScore.Categories[c]) continue;
                PeopleBits.Or(any, bits[r]);
                if (errorBits[r] != null) PeopleBits.Or(err, errorBits[r]);
            }
            columns.Add(any);
            columns.Add(err);
        }

        double Share(int people) => _n == 0 ? 0 : (double)people / _n;
        var rules = new List<RuleExposure>();
        for (var r = 0; r < ruleIds.Count; r++)
        {
            var people = PeopleBits.Count(bits[r]!);
            rules.Add(new RuleExposure(ruleIds[r], people, Share(people)) { Category = category[r], Severity = severity[r] });
        }
        var categories = new List<CategoryExposure>();
        for (var c = 0; c <= k; c++)
        {
            int any = PeopleBits.Count(columns[ruleIds.Count + 2 * c]!), err = PeopleBits.Count(columns[ruleIds.Count + 2 * c + 1]!);
            categories.Add(new CategoryExposure(c < k ? VertriebScore.Categories[c] : VertriebScore.Overall, any, Share(any))
            {
                PeopleUnderError = err,
                ErrorShare = Share(err),
            });
        }

        var (inTeams, meeting) = TeamConditions();
        var unitIds = _org.Units.Select(u => u.Id).ToArray();
        // The bits are kept (one per person and column) rather than a count per unit and column: at a million
        // people with 124k units the counts were 14 MB, the bits are 3.5 MB; a unit's count is one range count.
        return new Exposure(_n, rules, categories, inTeams, meeting, unitIds, _start, _subtree, columns.Select(c => c!).ToArray());
    }

    private static DiagnosticSeverity Max(DiagnosticSeverity a, DiagnosticSeverity b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => 3,
        DiagnosticSeverity.Warning => 2,
        DiagnosticSeverity.Info => 1,
        _ => 0,
    };

    // The team conditions (the article's two, plus interdependence as the document shows it): every member holds
    // more than one role, every role held in the team has more than one holder, and a stated shared goal or a
    // team- or unit-level target that reaches a member.
    private (int InTeams, int Meeting) TeamConditions()
    {
        ulong[]? shared = null;
        foreach (var t in _org.Targets)
            if (t.Level is MeasurementLevel.Team or MeasurementLevel.Unit) ReachScope(t.AppliesTo, shared ??= new ulong[_words]);
        int inTeams = 0, meeting = 0;
        // Holders per role by the role's index (a dictionary look-up per person and role cost more than the rest).
        var holders = new int[_org.Roles.Count];
        var held = new List<int>();
        var others = new Dictionary<Role, int>(ReferenceEqualityComparer.Instance); // a role not in the document's list
        foreach (var team in _org.Units)
        {
            if (!team.IsTeam || _start[team.Index] < 0 || _direct[team.Index] == 0) continue;
            int from = _start[team.Index], to = from + _direct[team.Index];
            inTeams += to - from;
            var interdependent = team.SharedGoal == true || (team.SharedGoal is null && shared != null && PeopleBits.CountRange(shared, from, to) > 0);
            if (!interdependent) continue;
            foreach (var r in held) holders[r] = 0;
            held.Clear();
            others.Clear();
            var ok = true;
            for (var pos = from; pos < to && ok; pos++)
            {
                var person = _org.People[_order[pos]];
                if (TeamStaffing.DistinctRoles(person) < 2) ok = false;
                var roles = person.Roles;
                for (var i = 0; i < roles.Count; i++)
                {
                    var repeated = false; // a role listed twice is held once
                    for (var j = 0; j < i; j++) if (ReferenceEquals(roles[j], roles[i])) { repeated = true; break; }
                    if (repeated) continue;
                    var r = roles[i].Index;
                    if (r >= 0 && r < holders.Length && ReferenceEquals(_org.Roles[r], roles[i]))
                    {
                        if (holders[r]++ == 0) held.Add(r);
                    }
                    else others[roles[i]] = others.GetValueOrDefault(roles[i]) + 1;
                }
            }
            if (ok && held.TrueForAll(r => holders[r] > 1) && others.Values.All(h => h > 1)) meeting += to - from;
        }
        return (inTeams, meeting);
    }

    // Role holders and named people, only for the roles and people the counted findings need (one pass).
    private void PrepareLookups(List<Diagnostic> counted)
    {
        var roles = new HashSet<Role>(ReferenceEqualityComparer.Instance);
        var people = new HashSet<Person>(ReferenceEqualityComparer.Instance);
        void FromScope(Scope? s)
        {
            if (s is null || s.Everyone) return;
            foreach (var r in s.Roles) roles.Add(r);
            foreach (var p in s.People) people.Add(p);
        }
        foreach (var d in counted) FromScope(ScopeOf(d));
        foreach (var t in _org.Targets)
            if (t.Level is MeasurementLevel.Team or MeasurementLevel.Unit) FromScope(t.AppliesTo);
        foreach (var d in counted)
            if (d.Location.EntityKind == "people" && d.Location.EntityId != null && Find(_org.People, "people", d.Location.EntityId) is Person p) people.Add(p);
        if (roles.Count == 0 && people.Count == 0) return;
        _holders = roles.ToDictionary(r => r, _ => new List<int>(), (IEqualityComparer<Role>)ReferenceEqualityComparer.Instance);
        _positions = new Dictionary<Person, int>(ReferenceEqualityComparer.Instance);
        // The wanted roles' lists by role index (a dictionary look-up per person and role was most of this pass).
        var byIndex = new List<int>?[_org.Roles.Count];
        var unindexed = false;
        foreach (var (role, list) in _holders)
        {
            if (role.Index >= 0 && role.Index < byIndex.Length && ReferenceEquals(_org.Roles[role.Index], role)) byIndex[role.Index] = list;
            else unindexed = true;
        }
        for (var pos = 0; pos < _n; pos++)
        {
            var person = _org.People[_order[pos]];
            if (people.Count > 0 && people.Contains(person)) _positions[person] = pos;
            if (roles.Count == 0) continue;
            var personRoles = person.Roles;
            for (var i = 0; i < personRoles.Count; i++)
            {
                var r = personRoles[i].Index;
                var list = r >= 0 && r < byIndex.Length && ReferenceEquals(_org.Roles[r], personRoles[i]) ? byIndex[r]
                    : unindexed ? _holders.GetValueOrDefault(personRoles[i]) : null;
                if (list != null && (list.Count == 0 || list[^1] != pos)) list.Add(pos);
            }
        }
        // A role held by many people also gets a bitset, so that a role scope is a word-wise OR over the scope's unit
        // ranges instead of a walk over every holder: at 1M people, thousands of team-level practices scoped to a team
        // and a common role each walked that role's 100k+ holders (2.3 s of CPU). Only where the bitset is not larger
        // than the holder list (more than one holder in 32 people), so its memory stays within the lists'.
        _roleBits = new Dictionary<Role, ulong[]>(ReferenceEqualityComparer.Instance);
        foreach (var (role, list) in _holders)
        {
            if (list.Count * 32L <= _n) continue;
            var bits = new ulong[_words];
            foreach (var pos in list) PeopleBits.Set(bits, pos);
            _roleBits[role] = bits;
        }
    }

    private Dictionary<Role, ulong[]>? _roleBits;

    private readonly Dictionary<string, Dictionary<string, Entity>> _byId = new(StringComparer.Ordinal);

    private Entity? Find<T>(IReadOnlyList<T> collection, string kind, string id) where T : Entity
    {
        if (!_byId.TryGetValue(kind, out var map))
        {
            map = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var e in collection) map.TryAdd(e.Id, e);
            _byId[kind] = map;
        }
        return map.GetValueOrDefault(id);
    }

    private Entity? EntityOf(Diagnostic d)
    {
        var id = d.Location.EntityId;
        if (id is null) return null;
        return d.Location.EntityKind switch
        {
            "incentivePlans" => Find(_org.IncentivePlans, "incentivePlans", id),
            "targets" => Find(_org.Targets, "targets", id),
            "forecasts" => Find(_org.Forecasts, "forecasts", id),
            "meetings" => Find(_org.Meetings, "meetings", id),
            "approvalPolicies" => Find(_org.ApprovalPolicies, "approvalPolicies", id),
            "recognitionPrograms" => Find(_org.RecognitionPrograms, "recognitionPrograms", id),
            "toolRollouts" => Find(_org.ToolRollouts, "toolRollouts", id),
            "units" => Find(_org.Units, "units", id),
            "people" => Find(_org.People, "people", id),
            "roles" => Find(_org.Roles, "roles", id),
            _ => null,
        };
    }

    private Scope? ScopeOf(Diagnostic d) => EntityOf(d) switch
    {
        IncentivePlan e => e.Participants,
        Target e => e.AppliesTo,
        Forecast e => e.Contributors,
        Meeting e => e.Attendees,
        ApprovalPolicy e => e.AppliesTo,
        RecognitionProgram e => e.Participants,
        _ => null,
    };

    // What makes two findings of one rule reach the same people: the scope, or the entity (units: plus the role).
    private object? ReachKey(Diagnostic d)
    {
        if (ScopeOf(d) is { } scope) return scope;
        if (d.Id == RuleIds.VT1002) return null;
        return EntityOf(d);
    }

    private void Reach(Diagnostic d, ulong[] target)
    {
        switch (EntityOf(d))
        {
            case IncentivePlan or Target or Forecast or Meeting or ApprovalPolicy or RecognitionProgram:
                ReachScope(ScopeOf(d)!, target);
                break;
            case ToolRollout rollout:
                foreach (var u in rollout.UsedByUnits) SetSubtree(u, target);
                break;
            case Person person:
                if (_positions != null && _positions.TryGetValue(person, out var at)) PeopleBits.Set(target, at);
                break;
            case Unit unit:
                ReachUnit(d, unit, target);
                break;
            case Role role when d.Id == RuleIds.VT3010:
                // Lone fighters with no unit at all, counted at their sales role: the role's holders without a unit.
                for (var pos = _unitless; pos < _n; pos++)
                {
                    var person = _org.People[_order[pos]];
                    if (person.UnitId is null && person.Roles.Contains(role)) PeopleBits.Set(target, pos);
                }
                break;
        }
    }

    private void ReachUnit(Diagnostic d, Unit unit, ulong[] target)
    {
        if (_start[unit.Index] < 0) return;
        int from = _start[unit.Index], direct = from + _direct[unit.Index];
        switch (d.Id)
        {
            case RuleIds.VT1001: // the team's members with fewer roles than the rule's threshold
                var minRoles = SingleRoleMemberRule.MinRoles(_options);
                for (var pos = from; pos < direct; pos++)
                    if (TeamStaffing.DistinctRoles(_org.People[_order[pos]]) < minRoles) PeopleBits.Set(target, pos);
                break;
            case RuleIds.VT1002: // the team's holders of the role that has too few holders
                var roleId = d.AdditionalLocations.FirstOrDefault(l => l.EntityKind == "roles")?.EntityId;
                for (var pos = from; pos < direct; pos++)
                    foreach (var r in _org.People[_order[pos]].Roles)
                        if (r.Id == roleId) { PeopleBits.Set(target, pos); break; }
                break;
            case RuleIds.VT1004: // the team's members
                PeopleBits.SetRange(target, from, direct);
                break;
            case RuleIds.VT3010: // the unit's direct members who hold a sales role
                for (var pos = from; pos < direct; pos++)
                    if (SalesPeopleOutsideTeams.HoldsSalesRole(_org.People[_order[pos]])) PeopleBits.Set(target, pos);
                break;
            case RuleIds.VT1007 or RuleIds.VT2006 or RuleIds.VT3004: // the unit's people with its sub-units
                SetSubtree(unit, target);
                break;
        }
    }

    // A scope: everyone; or the people in its units and/or holding its roles (both when both are given); plus the
    // people it names (SemanticModel.Contains).
    private void ReachScope(Scope scope, ulong[] target)
    {
        if (scope.Everyone)
        {
            PeopleBits.SetRange(target, 0, _n);
            return;
        }
        if (scope.Roles.Count > 0)
        {
            foreach (var role in scope.Roles)
            {
                if (_holders is null || !_holders.TryGetValue(role, out var list)) continue;
                if (_roleBits != null && _roleBits.TryGetValue(role, out var roleBits))
                {
                    // Holders within the scope's units: the role's bits over each unit's run of positions.
                    if (scope.Units.Count == 0) PeopleBits.Or(target, roleBits);
                    else
                        foreach (var u in scope.Units)
                            if (_start[u.Index] >= 0) PeopleBits.OrRange(target, roleBits, _start[u.Index], _start[u.Index] + _subtree[u.Index]);
                }
                else if (scope.Units.Count == 0)
                {
                    foreach (var pos in list) PeopleBits.Set(target, pos);
                }
                else
                {
                    // A rare role: its holders (in position order) within each unit's run, found by binary search.
                    foreach (var u in scope.Units)
                    {
                        if (_start[u.Index] < 0) continue;
                        int from = _start[u.Index], to = from + _subtree[u.Index];
                        var i = list.BinarySearch(from);
                        if (i < 0) i = ~i;
                        for (; i < list.Count && list[i] < to; i++) PeopleBits.Set(target, list[i]);
                    }
                }
            }
        }
        else
        {
            foreach (var u in scope.Units) SetSubtree(u, target);
        }
        if (_positions != null)
            foreach (var p in scope.People)
                if (_positions.TryGetValue(p, out var at)) PeopleBits.Set(target, at);
    }

    private void SetSubtree(Unit unit, ulong[] target)
    {
        if (_start[unit.Index] >= 0) PeopleBits.SetRange(target, _start[unit.Index], _start[unit.Index] + _subtree[unit.Index]);
    }
}
