namespace Vertrieb40.Rules.Model;

/// <summary>
/// A suppression written in the organisation document (or a suppressions file): a rule id, a target
/// (a JSON Pointer or an entity id), and a justification that is always required.
/// </summary>
public sealed class SuppressionEntry
{
    /// <summary>The rule id, e.g. VT3001.</summary>
    public string RuleId { get; set; } = "";
    /// <summary>A JSON Pointer (starting with '/') or an entity id; empty or "*" means the whole document.</summary>
    public string Target { get; set; } = "";
    /// <summary>Why the finding is accepted.</summary>
    public string Justification { get; set; } = "";
    /// <summary>The day after which the suppression stops suppressing.</summary>
    public DateOnly? Expires { get; set; }
    /// <summary>Who is responsible for the suppression.</summary>
    public string? Owner { get; set; }
    /// <summary>The file it was written in.</summary>
    public string? FilePath { get; set; }
    /// <summary>Where it was written.</summary>
    public SourcePosition Position { get; set; }
    /// <summary>Its JSON Pointer.</summary>
    public string Pointer { get; set; } = "";
}
