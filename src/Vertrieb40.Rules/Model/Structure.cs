namespace Vertrieb40.Rules.Model;

/// <summary>An organisational unit: company, division, department or team.</summary>
public sealed class Unit : Entity
{
    // A unit records up to six positions (kind, function, parentId, customerContact, sharedGoal, autonomy): one
    // array of six, not one of four and then one of eight, for each of 124k units at a million people.
    private protected override int InitialPropertyPositions => 6;

    /// <inheritdoc />
    public override string Collection => "units";
    /// <summary>Company, division, department, team.</summary>
    public UnitKind Kind { get; internal set; } = UnitKind.Department;
    /// <summary>The unit's business function (marketing, sales, support, …).</summary>
    public BusinessFunction Function { get; internal set; } = BusinessFunction.Other;
    /// <summary>The id of the parent unit; null for a root.</summary>
    public string? ParentId { get; internal set; }
    /// <summary>How directly the unit hears from customers; null when the document does not say.</summary>
    public CustomerContact? CustomerContact { get; internal set; }
    /// <summary>Whether the unit's members work toward a goal they share; null when unknown.</summary>
    public bool? SharedGoal { get; internal set; }
    /// <summary>What the unit may decide on its own; null when the document does not say.</summary>
    public Autonomy? Autonomy { get; internal set; }

    /// <summary>The resolved parent.</summary>
    public Unit? Parent { get; internal set; }
    /// <summary>The resolved child units, in document order.</summary>
    public IReadOnlyList<Unit> Children => ChildrenList;
    internal List<Unit> ChildrenList { get; } = new();
    /// <summary>Depth below the root (0 for a root).</summary>
    public int Depth { get; internal set; }
    /// <summary>True for a unit of kind team.</summary>
    public bool IsTeam => Kind == UnitKind.Team;

    /// <summary>True when <paramref name="other"/> is this unit or one of its ancestors.</summary>
    public bool IsWithin(Unit other)
    {
        for (var u = this; u != null; u = u.Parent)
            if (ReferenceEquals(u, other)) return true;
        return false;
    }
}

/// <summary>What a team may decide itself (self-determination: what, how, when, with whom).</summary>
public sealed class Autonomy
{
    /// <summary>The team decides how to solve a problem.</summary>
    public bool? How { get; internal set; }
    /// <summary>The team decides which problem to work on.</summary>
    public bool? What { get; internal set; }
    /// <summary>The team decides when and for how long.</summary>
    public bool? When { get; internal set; }
    /// <summary>The team decides with whom it works.</summary>
    public bool? WithWhom { get; internal set; }
}

/// <summary>A person. Rules never judge a person: people appear as counts or ids only.</summary>
public sealed class Person : Entity
{
    /// <inheritdoc />
    public override string Collection => "people";
    /// <summary>The unit the person belongs to.</summary>
    public string? UnitId { get; internal set; }
    /// <summary>The person's line manager.</summary>
    public string? ManagerId { get; internal set; }
    /// <summary>The roles the person holds.</summary>
    public IReadOnlyList<string> RoleIds { get; internal set; } = Array.Empty<string>();

    /// <summary>
    /// True when the document lists the person's roles: <c>roleIds</c> written (even empty: "holds no role") or
    /// roles given. A person whose roles are not listed is unknown, never a person with no or one role.
    /// </summary>
    public bool RolesStated => RoleIds.Count > 0 || RoleIdsPosition.IsKnown;

    /// <summary>Resolved unit.</summary>
    public Unit? Unit { get; internal set; }
    /// <summary>Resolved manager.</summary>
    public Person? Manager { get; internal set; }
    /// <summary>Resolved roles (unresolvable ids are left out and reported).</summary>
    public IReadOnlyList<Role> Roles { get; internal set; } = Array.Empty<Role>();

    // Positions of the reference properties, kept as fields (not a dictionary) because people are the
    // largest collection: a million of them must stay cheap.
    internal SourcePosition UnitIdPosition;
    internal SourcePosition ManagerIdPosition;
    internal SourcePosition RoleIdsPosition;
}

/// <summary>A role people hold, e.g. performance marketer, webinar host, field sales.</summary>
public sealed class Role : Entity
{
    /// <inheritdoc />
    public override string Collection => "roles";
    /// <summary>Where along the customer journey the role works.</summary>
    public FunnelStage FunnelStage { get; internal set; } = FunnelStage.None;
    /// <summary>The function the role belongs to; null when the document does not say.</summary>
    public BusinessFunction? Function { get; internal set; }
    /// <summary>True when <see cref="Function"/> was guessed from the role's name (HR import), not stated.</summary>
    public bool FunctionInferred { get; internal set; }
}

/// <summary>A product or service, with the units that carry each stage of its sales funnel.</summary>
public sealed class Offering : Entity
{
    /// <inheritdoc />
    public override string Collection => "offerings";
    /// <summary>The funnel, stage by stage.</summary>
    public IReadOnlyList<FunnelStep> Funnel => FunnelList;
    internal List<FunnelStep> FunnelList { get; } = new();
}

/// <summary>One stage of an offering's funnel and the unit that carries it.</summary>
public sealed class FunnelStep
{
    /// <summary>The stage.</summary>
    public FunnelStage Stage { get; internal set; }
    /// <summary>The unit carrying it.</summary>
    public string UnitId { get; internal set; } = "";
    /// <summary>Resolved unit.</summary>
    public Unit? Unit { get; internal set; }
    /// <summary>Where the step was written.</summary>
    internal SourcePosition Position { get; set; }
}
