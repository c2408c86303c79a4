using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading;

/// <summary>What reading a document produced: the organisation (when it could be read at all) and every input diagnostic.</summary>
public sealed class LoadResult
{
    internal LoadResult(string? filePath, Organization? organization, IReadOnlyList<Diagnostic> diagnostics)
    {
        FilePath = filePath;
        Organization = organization;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>The file that was read.</summary>
    public string? FilePath { get; }
    /// <summary>The organisation; null when the document could not be read. Never analyse it when <see cref="HasErrors"/> is true.</summary>
    public Organization? Organization { get; }
    /// <summary>Input diagnostics (VT0xxx), in output order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>True when any input diagnostic is an error: the organisation must not be analysed (no silent partial results).</summary>
    public bool HasErrors { get; }
}
