using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Configuration;

/// <summary>The severities a configuration file may set (the <c>.editorconfig</c> words).</summary>
internal enum ConfigSeverity
{
    /// <summary><c>default</c>: the descriptor's own severity.</summary>
    Default,
    /// <summary><c>none</c>: the diagnostic is not reported at all.</summary>
    None,
    /// <summary><c>silent</c>: reported as <see cref="DiagnosticSeverity.Hidden"/> (for tools only).</summary>
    Silent,
    /// <summary><c>suggestion</c>: <see cref="DiagnosticSeverity.Info"/>.</summary>
    Suggestion,
    /// <summary><c>warning</c>.</summary>
    Warning,
    /// <summary><c>error</c>.</summary>
    Error,
}

/// <summary>Parsing and mapping of <see cref="ConfigSeverity"/>.</summary>
internal static class ConfigSeverityExtensions
{
    /// <summary>The words accepted in files, for messages.</summary>
    public const string Words = "none, silent, suggestion, warning, error, default";

    /// <summary>Parses a severity word (case-insensitive).</summary>
    public static bool TryParse(string text, out ConfigSeverity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "default": severity = ConfigSeverity.Default; return true;
            case "none": severity = ConfigSeverity.None; return true;
            case "silent": case "hidden": severity = ConfigSeverity.Silent; return true;
            case "suggestion": case "info": severity = ConfigSeverity.Suggestion; return true;
            case "warning": severity = ConfigSeverity.Warning; return true;
            case "error": severity = ConfigSeverity.Error; return true;
            default: severity = default; return false;
        }
    }

    /// <summary>The effective severity for a descriptor, or null when the diagnostic is switched off (<c>none</c>).</summary>
    public static DiagnosticSeverity? ToDiagnosticSeverity(this ConfigSeverity severity, DiagnosticDescriptor descriptor) => severity switch
    {
        ConfigSeverity.None => null,
        ConfigSeverity.Silent => DiagnosticSeverity.Hidden,
        ConfigSeverity.Suggestion => DiagnosticSeverity.Info,
        ConfigSeverity.Warning => DiagnosticSeverity.Warning,
        ConfigSeverity.Error => DiagnosticSeverity.Error,
        _ => descriptor.DefaultSeverity,
    };
}
