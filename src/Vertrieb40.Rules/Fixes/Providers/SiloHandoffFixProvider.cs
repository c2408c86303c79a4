using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// VT2005 — a hand-over between silos (principle 2.5 and 1.1). Removes the hand-over from the document:
/// the work it passed on belongs inside one team. (Put the roles into that team as the next step.)
/// </summary>
internal sealed class SiloHandoffFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override IReadOnlyList<string> FixableDiagnosticIds => [RuleIds.VT2005];

    /// <inheritdoc />
    public override CodeAction? GetFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Id != RuleIds.VT2005) return null;
        return new CodeAction($"Remove the hand-over '{NameOf(diagnostic)}' between silos", RuleIds.VT2005 + ".RemoveHandoff", document =>
        {
            var handoff = EntityOf(document, diagnostic);
            return handoff?.Parent is { Kind: DocumentNodeKind.Array } ? document.WithoutItem(handoff) : null;
        })
        { GermanTitle = $"Die Übergabe „{NameOf(diagnostic)}“ zwischen Silos entfernen" };
    }
}
