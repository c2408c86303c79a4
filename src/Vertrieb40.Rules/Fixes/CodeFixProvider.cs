using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes;

/// <summary>
/// Offers fixes for diagnostics of some rule ids (Roslyn's <c>CodeFixProvider</c>). Third parties derive
/// from it next to their rules and pass their providers to <see cref="OrganizationFixer"/>.
/// </summary>
internal abstract class CodeFixProvider
{
    /// <summary>The rule ids this provider fixes.</summary>
    public abstract IReadOnlyList<string> FixableDiagnosticIds { get; }

    /// <summary>The fix for a diagnostic, or null when there is none for this one.</summary>
    public abstract CodeAction? GetFix(Diagnostic diagnostic);

    /// <summary>Finds the diagnostic's entity object in a document (by kind and id, else by pointer).</summary>
    protected static DocumentNode? EntityOf(OrganizationDocument document, Diagnostic diagnostic)
        => document.FindEntity(diagnostic.Location) is { Kind: DocumentNodeKind.Object } node ? node : null;

    /// <summary>The entity's name, else its id, for titles.</summary>
    protected static string NameOf(Diagnostic diagnostic)
        => diagnostic.Location.EntityId ?? diagnostic.Location.JsonPointer;
}
