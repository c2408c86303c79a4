namespace Vertrieb40.Rules.Model;

/// <summary>
/// Whom a practice applies to: everyone, or the people in the listed units (with their sub-units) who hold
/// one of the listed roles (either list may be empty, meaning "no filter"), plus people listed by id.
/// </summary>
public sealed class Scope
{
    /// <summary>Applies to every person of the organisation.</summary>
    public bool Everyone { get; internal set; }
    /// <summary>Units (including their sub-units).</summary>
    public IReadOnlyList<string> UnitIds { get; internal set; } = Array.Empty<string>();
    /// <summary>Roles that narrow the unit filter.</summary>
    public IReadOnlyList<string> RoleIds { get; internal set; } = Array.Empty<string>();
    /// <summary>People named directly.</summary>
    public IReadOnlyList<string> PersonIds { get; internal set; } = Array.Empty<string>();

    /// <summary>Resolved units.</summary>
    public IReadOnlyList<Unit> Units { get; internal set; } = Array.Empty<Unit>();
    /// <summary>Resolved roles.</summary>
    public IReadOnlyList<Role> Roles { get; internal set; } = Array.Empty<Role>();
    /// <summary>Resolved people.</summary>
    public IReadOnlyList<Person> People { get; internal set; } = Array.Empty<Person>();

    /// <summary>True when the scope names nobody at all.</summary>
    public bool IsEmpty => !Everyone && UnitIds.Count == 0 && RoleIds.Count == 0 && PersonIds.Count == 0;
}
