using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// Whether a team's members are measured together or alone (VT1004): how many direct members an
/// individual-level target reaches, and whether a team- or unit-level target reaches any of them.
/// One fact per unit of kind team; the targets are only examined for teams that do not state
/// <see cref="Unit.SharedGoal"/>, because a stated value decides the question by itself.
/// </summary>
public sealed class TeamGoalCoverage
{
    private TeamGoalCoverage(Unit team, int members, int membersWithIndividualTarget, bool sharedTarget)
    {
        Team = team;
        Members = members;
        MembersWithIndividualTarget = membersWithIndividualTarget;
        HasSharedTarget = sharedTarget;
    }

    /// <summary>The team.</summary>
    public Unit Team { get; }

    /// <summary>The number of the team's direct members.</summary>
    public int Members { get; }

    /// <summary>Direct members reached by at least one individual-level target (0 when the team states its shared goal).</summary>
    public int MembersWithIndividualTarget { get; }

    /// <summary>True when a team- or unit-level target reaches at least one direct member (false when the team states its shared goal).</summary>
    public bool HasSharedTarget { get; }

    /// <summary>True when the team has members and every one of them is measured by an individual target, with no shared target.</summary>
    public bool EveryMemberMeasuredAlone => Members > 0 && MembersWithIndividualTarget == Members && !HasSharedTarget;

    /// <summary>Builds one fact per team, in document order. Cost: people in undecided teams × targets.</summary>
    public static List<TeamGoalCoverage> Build(SemanticModel model)
    {
        var org = model.Organization;
        var members = new int[org.Units.Count];
        var individual = new int[org.Units.Count];
        var shared = new bool[org.Units.Count];
        var individualTargets = org.Targets.Where(t => t.Level == MeasurementLevel.Individual).Select(t => new Reach(t.AppliesTo)).ToArray();
        var sharedTargets = org.Targets.Where(t => t.Level is MeasurementLevel.Team or MeasurementLevel.Unit).Select(t => new Reach(t.AppliesTo)).ToArray();
        // A team- or unit-level target whose scope the document does not state may reach any team: then no team
        // can be said to be measured alone (issue 10).
        var sharedScopeUnknown = org.Targets.Any(t => t.Level is MeasurementLevel.Team or MeasurementLevel.Unit && t.AppliesTo.IsEmpty);
        foreach (var person in org.People)
        {
            if (person.Unit is not { IsTeam: true } team) continue;
            members[team.Index]++;
            if (team.SharedGoal.HasValue) continue;
            if (sharedScopeUnknown) { shared[team.Index] = true; continue; }
            foreach (var t in individualTargets)
                if (t.Contains(model, person)) { individual[team.Index]++; break; }
            if (shared[team.Index]) continue;
            foreach (var t in sharedTargets)
                if (t.Contains(model, person)) { shared[team.Index] = true; break; }
        }
        var facts = new List<TeamGoalCoverage>();
        foreach (var unit in org.Units)
            if (unit.IsTeam) facts.Add(new TeamGoalCoverage(unit, members[unit.Index], individual[unit.Index], shared[unit.Index]));
        return facts;
    }

    /// <summary>
    /// A target's scope prepared for many membership tests: the people it names go into a set, so that a
    /// target naming many people does not make the pass quadratic.
    /// </summary>
    private sealed class Reach(Scope scope)
    {
        private readonly HashSet<Person> _named = new(scope.People);
        private readonly Scope _filter = new() { Everyone = scope.Everyone, UnitIds = scope.UnitIds, RoleIds = scope.RoleIds, Units = scope.Units, Roles = scope.Roles };

        public bool Contains(SemanticModel model, Person person) => _named.Contains(person) || model.Contains(_filter, person);
    }
}
