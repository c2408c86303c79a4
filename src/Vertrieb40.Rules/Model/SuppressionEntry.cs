namespace Vertrieb40.Rules.Model;

/// <summary>
/// A suppression written in the organisation document (or a suppressions file): a rule id, a target
/// (a JSON Pointer or an entity id), and a justification that is always required.
/// </summary>
internal sealed class SuppressionEntry
{
    /// <summary>The rule id, e.g. VT3001.</summary>
    public string RuleId { get; internal set; } = "";
    /// <summary>A JSON Pointer (starting with '/') or an entity id; empty or "*" means the whole document.</summary>
    public string Target { get; internal set; } = "";
    /// <summary>Why the finding is accepted.</summary>
    public string Justification { get; internal set; } = "";
    /// <summary>The day after which the suppression stops suppressing.</summary>
    public DateOnly? Expires { get; internal set; }
    /// <summary>Who is responsible for the suppression.</summary>
    public string? Owner { get; internal set; }
    /// <summary>The file it was written in.</summary>
    public string? FilePath { get; internal set; }
    /// <summary>Where it was written.</summary>
    public SourcePosition Position { get; internal set; }
    /// <summary>Its JSON Pointer.</summary>
    public string Pointer { get; internal set; } = "";
}
