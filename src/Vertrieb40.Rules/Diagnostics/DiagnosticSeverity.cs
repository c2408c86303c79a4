namespace Vertrieb40.Rules.Diagnostics;

/// <summary>How serious a diagnostic is (the same four levels as Roslyn).</summary>
public enum DiagnosticSeverity
{
    /// <summary>Not shown to users; available to tools.</summary>
    Hidden = 0,
    /// <summary>A suggestion.</summary>
    Info = 1,
    /// <summary>Something that should change.</summary>
    Warning = 2,
    /// <summary>Something that must change.</summary>
    Error = 3,
}
