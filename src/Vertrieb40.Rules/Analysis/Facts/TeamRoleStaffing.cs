using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// How many direct members of a team hold each role (VT1002). One fact per team in which at least one direct
/// member holds a role, with the roles held in it — not one per team and role: at a million people that was
/// 300,000 facts pushed through the rule network for 100,000 teams. Built in one pass over the people.
/// </summary>
internal sealed class TeamRoleStaffing
{
    private TeamRoleStaffing(Unit team, RoleHolders[] roles, int members, int membersWithoutRoles)
    {
        Team = team;
        Roles = roles;
        Members = members;
        MembersWithoutRoles = membersWithoutRoles;
        FewestHolders = int.MaxValue;
        foreach (var r in roles) FewestHolders = Math.Min(FewestHolders, r.Holders);
    }

    /// <summary>The team.</summary>
    public Unit Team { get; }

    /// <summary>Each role at least one direct member holds, with how many hold it; ordered as the roles appear in the document.</summary>
    public IReadOnlyList<RoleHolders> Roles { get; }

    /// <summary>The smallest number of holders of a role in <see cref="Roles"/>: the rule looks at the roles only when it is below its threshold.</summary>
    public int FewestHolders { get; }

    /// <summary>The number of the team's direct members.</summary>
    public int Members { get; }

    /// <summary>Direct members whose roles the document does not list: any of them may hold the role (issue 10).</summary>
    public int MembersWithoutRoles { get; }

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<TeamRoleStaffing>(Build);

    /// <summary>Builds the facts, ordered by team as the units appear in the document.</summary>
    public static List<TeamRoleStaffing> Build(SemanticModel model)
    {
        var org = model.Organization;
        // A team has a handful of roles: a short list per team, searched linearly, costs less than hashing
        // (team, role) pairs for every person.
        var held = new List<RoleHolders>?[org.Units.Count];
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
                var list = held[team.Index] ??= new List<RoleHolders>(4);
                var at = 0;
                while (at < list.Count && !ReferenceEquals(list[at].Role, roles[i])) at++;
                if (at == list.Count) list.Add(new RoleHolders(roles[i], 1));
                else list[at] = list[at] with { Holders = list[at].Holders + 1 };
            }
        }
        var facts = new List<TeamRoleStaffing>();
        foreach (var unit in org.Units)
        {
            if (held[unit.Index] is not { } list) continue;
            var roles = list.ToArray();
            Array.Sort(roles, (a, b) => a.Role.Index.CompareTo(b.Role.Index));
            facts.Add(new TeamRoleStaffing(unit, roles, members[unit.Index], withoutRoles[unit.Index]));
        }
        return facts;
    }
}

/// <summary>A role and how many of a team's direct members hold it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Holders">The number of the team's direct members who hold it (1 or more).</param>
internal readonly record struct RoleHolders(Role Role, int Holders);
