using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// How many direct members of a team hold a role (VT1002). One fact per team and per role held by at least
/// one direct member of the team; built in one pass over the people.
/// </summary>
internal sealed class TeamRoleStaffing
{
    private TeamRoleStaffing(Unit team, Role role, int holders, int members, int membersWithoutRoles)
    {
        MembersWithoutRoles = membersWithoutRoles;
        Team = team;
        Role = role;
        Holders = holders;
        Members = members;
    }

    /// <summary>The team.</summary>
    public Unit Team { get; }

    /// <summary>The role.</summary>
    public Role Role { get; }

    /// <summary>The number of the team's direct members who hold the role.</summary>
    public int Holders { get; }

    /// <summary>The number of the team's direct members.</summary>
    public int Members { get; }

    /// <summary>Direct members whose roles the document does not list: any of them may hold the role (issue 10).</summary>
    public int MembersWithoutRoles { get; }

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<TeamRoleStaffing>(Build);

    /// <summary>Builds the facts, ordered by team and role as they appear in the document.</summary>
    public static List<TeamRoleStaffing> Build(SemanticModel model)
    {
        var org = model.Organization;
        var holders = new Dictionary<(Unit Team, Role Role), int>();
        var members = new int[org.Units.Count];
        var withoutRoles = new int[org.Units.Count];
        foreach (var person in org.People)
        {
            if (person.Unit is not { IsTeam: true } team) continue;
            members[team.Index]++;
            if (!person.RolesStated) withoutRoles[team.Index]++;
            var roles = person.Roles;
            for (var i = 0; i < roles.Count; i++)
            {
                var duplicate = false;
                for (var j = 0; j < i; j++)
                    if (ReferenceEquals(roles[j], roles[i])) { duplicate = true; break; }
                if (duplicate) continue;
                var key = (team, roles[i]);
                holders[key] = holders.GetValueOrDefault(key) + 1;
            }
        }
        var facts = new List<TeamRoleStaffing>(holders.Count);
        foreach (var ((team, role), n) in holders.OrderBy(kv => kv.Key.Team.Index).ThenBy(kv => kv.Key.Role.Index))
            facts.Add(new TeamRoleStaffing(team, role, n, members[team.Index], withoutRoles[team.Index]));
        return facts;
    }
}
