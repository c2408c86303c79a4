using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// What a team's work makes its members depend on (VT1004): its direct members and the funnel stages their
/// roles cover. One fact per unit of kind team, built in one pass over the people. Roles without a funnel
/// stage say nothing about the funnel and are left out of <see cref="Stages"/>.
/// </summary>
internal sealed class TeamWork
{
    private TeamWork(Unit team, int members, int stageMask, bool stagesKnown)
    {
        Team = team;
        Members = members;
        StageMask = stageMask;
        StagesKnown = stagesKnown;
    }

    /// <summary>
    /// True when every direct member states roles and every such role states a funnel stage (issue 10: an unstated
    /// role or stage may be another stage, so "all at one stage" is claimed only when all stages are known).
    /// </summary>
    public bool StagesKnown { get; }

    /// <summary>The team.</summary>
    public Unit Team { get; }

    /// <summary>The number of the team's direct members.</summary>
    public int Members { get; }

    /// <summary>One bit per <see cref="FunnelStage"/> that some direct member's role works at (bit 0, <c>none</c>, is never set).</summary>
    public int StageMask { get; }

    /// <summary>How many different funnel stages the members' roles cover.</summary>
    public int Stages => System.Numerics.BitOperations.PopCount((uint)StageMask);

    /// <summary>The one stage all members' roles work at, when there is exactly one; otherwise <c>none</c>.</summary>
    public FunnelStage SingleStage => Stages == 1 ? (FunnelStage)System.Numerics.BitOperations.TrailingZeroCount(StageMask) : FunnelStage.None;

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<TeamWork>(Build);

    /// <summary>Builds one fact per team, in document order.</summary>
    public static List<TeamWork> Build(SemanticModel model)
    {
        var org = model.Organization;
        var members = new int[org.Units.Count];
        var stages = new int[org.Units.Count];
        var unknown = new bool[org.Units.Count];
        foreach (var person in org.People)
        {
            if (person.Unit is not { IsTeam: true } team) continue;
            members[team.Index]++;
            if (!person.RolesStated || person.Roles.Count == 0) unknown[team.Index] = true;
            foreach (var role in person.Roles)
                if (role.FunnelStage != FunnelStage.None) stages[team.Index] |= 1 << (int)role.FunnelStage;
                // "funnelStage": "none" is a statement (the role works outside the funnel); a role that says nothing is unknown.
                else if (!role.HasPropertyPosition("funnelStage")) unknown[team.Index] = true;
        }
        var facts = new List<TeamWork>();
        foreach (var unit in org.Units)
            if (unit.IsTeam) facts.Add(new TeamWork(unit, members[unit.Index], stages[unit.Index], !unknown[unit.Index]));
        return facts;
    }
}
