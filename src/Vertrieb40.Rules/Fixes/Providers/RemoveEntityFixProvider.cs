using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// A fix that leaves the practice out: removes the diagnostic's entity from its collection. The article's key
/// to self-organisation is leaving things out (L141–143), so the fix drops the practice instead of renaming it.
/// </summary>
internal abstract class RemoveEntityFixProvider : CodeFixProvider
{
    /// <summary>The rule id.</summary>
    protected abstract string RuleId { get; }
    /// <summary>The title for an entity.</summary>
    protected abstract string Title(string entity);
    /// <summary>The German title for an entity.</summary>
    protected abstract string GermanTitle(string entity);

    /// <inheritdoc />
    public override IReadOnlyList<string> FixableDiagnosticIds => [RuleId];

    /// <inheritdoc />
    public override CodeAction? GetFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Id != RuleId) return null;
        return new CodeAction(Title(NameOf(diagnostic)), RuleId + ".Remove", document =>
        {
            var entity = EntityOf(document, diagnostic);
            return entity?.Parent is { Kind: DocumentNodeKind.Array } ? document.WithoutItem(entity) : null;
        })
        { GermanTitle = GermanTitle(NameOf(diagnostic)) };
    }
}
