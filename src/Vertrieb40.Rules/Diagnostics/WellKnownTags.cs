namespace Vertrieb40.Rules.Diagnostics;

/// <summary>Custom tags with a meaning to the engine (as Roslyn's <c>WellKnownDiagnosticTags</c>).</summary>
internal static class WellKnownTags
{
    /// <summary>The severity cannot be changed and the diagnostic cannot be suppressed.</summary>
    public const string NotConfigurable = "NotConfigurable";
    /// <summary>Reported by the tool itself (input and engine problems), not by an organisation rule.</summary>
    public const string Compiler = "Compiler";
    /// <summary>A code fix exists.</summary>
    public const string Fixable = "Fixable";
    /// <summary>The rule judges a practice, not the structure.</summary>
    public const string Practice = "Practice";
}

/// <summary>The categories of the catalog (and the tool's own).</summary>
internal static class DiagnosticCategories
{
    /// <summary>The modern sales team and how it is led.</summary>
    public const string Team = "Team";
    /// <summary>Digitalisation and its effect on sales work.</summary>
    public const string Digitalisation = "Digitalisation";
    /// <summary>The effectiveness of sales.</summary>
    public const string Effectiveness = "Effectiveness";
    /// <summary>Problems with the input document.</summary>
    public const string Input = "Input";
    /// <summary>Problems inside the tool or a rule.</summary>
    public const string Internal = "Internal";
    /// <summary>Problems with configuration or suppressions.</summary>
    public const string Configuration = "Configuration";
}
