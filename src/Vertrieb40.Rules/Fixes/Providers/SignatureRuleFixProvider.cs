using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// VT3007 — signature rule: someone of formally higher rank signs off the work (principle 3.2, Theory X).
/// Removes the policy's sign-off steps whose approver ranks higher (<c>"higherRank": true</c>, the default
/// when the property is absent); peer steps stay.
/// </summary>
internal sealed class SignatureRuleFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override IReadOnlyList<string> FixableDiagnosticIds => ["VT3007"];

    /// <inheritdoc />
    public override CodeAction? GetFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Id != "VT3007") return null;
        return new CodeAction($"Remove the higher-rank sign-off steps of approval policy '{NameOf(diagnostic)}'", "VT3007.RemoveHigherRankSteps", document =>
        {
            // All steps of the policy in one edit per run of neighbours (looked up once: a fix run's document
            // keeps the tree of the text it started from).
            if (EntityOf(document, diagnostic)?["steps"] is not { Kind: DocumentNodeKind.Array } steps) return null;
            var higher = steps.Items.Where(s => s.Kind == DocumentNodeKind.Object && (s["higherRank"] is null || s["higherRank"]!.IsTrue)).ToList();
            return higher.Count == 0 ? null : document.WithoutItems(steps, higher);
        });
    }
}
