using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// A team's direct members and how many roles each holds (VT1001). One fact per unit of kind team that has
/// at least one direct member; built in one pass over the people.
/// </summary>
internal sealed class TeamStaffing
{
    private readonly int[] _membersByRoleCount;

    private TeamStaffing(Unit team, int[] membersByRoleCount, int membersWithoutListedRoles)
    {
        Team = team;
        _membersByRoleCount = membersByRoleCount;
        MembersWithoutListedRoles = membersWithoutListedRoles;
        Members = membersWithoutListedRoles;
        foreach (var n in membersByRoleCount) Members += n;
    }

    /// <summary>Direct members whose roles the document does not list (no <c>roleIds</c>).</summary>
    public int MembersWithoutListedRoles { get; }

    /// <summary>The team.</summary>
    public Unit Team { get; }

    /// <summary>The number of people whose unit is the team itself (sub-units are teams of their own).</summary>
    public int Members { get; }

    /// <summary>
    /// How many direct members hold fewer than <paramref name="roles"/> distinct roles. A member whose roles the
    /// document does not list is unknown and not counted (issue 10).
    /// </summary>
    public int MembersWithFewerRolesThan(int roles)
    {
        var count = 0;
        for (var k = 0; k < _membersByRoleCount.Length && k < roles; k++) count += _membersByRoleCount[k];
        return count;
    }

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<TeamStaffing>(Build);

    /// <summary>Builds the facts, in the order of the units in the document.</summary>
    public static List<TeamStaffing> Build(SemanticModel model)
    {
        // A histogram per team (index: number of distinct roles a member holds) keeps the fact small and
        // lets the rule apply its threshold from the options without revisiting the people.
        var histograms = new int[model.Organization.Units.Count][];
        var unlisted = new int[model.Organization.Units.Count];
        foreach (var person in model.Organization.People)
        {
            if (person.Unit is not { IsTeam: true } team) continue;
            var h = histograms[team.Index] ??= new int[4];
            if (!person.RolesStated) { unlisted[team.Index]++; continue; }
            var roles = DistinctRoles(person);
            if (roles >= h.Length) Array.Resize(ref h, roles + 1);
            h[roles]++;
            histograms[team.Index] = h;
        }
        var facts = new List<TeamStaffing>();
        foreach (var unit in model.Organization.Units)
            if (histograms[unit.Index] is { } h) facts.Add(new TeamStaffing(unit, h, unlisted[unit.Index]));
        return facts;
    }

    /// <summary>The number of different roles a person holds (a role listed twice is still one role).</summary>
    internal static int DistinctRoles(Person person)
    {
        var roles = person.Roles;
        var count = 0;
        for (var i = 0; i < roles.Count; i++)
        {
            var seen = false;
            for (var j = 0; j < i; j++)
                if (ReferenceEquals(roles[j], roles[i])) { seen = true; break; }
            if (!seen) count++;
        }
        return count;
    }
}
