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
            var changed = false;
            // One step at a time: each removal shifts the text, so the policy is looked up again.
            while (true)
            {
                var policy = EntityOf(document, diagnostic);
                if (policy?["steps"] is not { Kind: DocumentNodeKind.Array } steps) break;
                var step = steps.Items.FirstOrDefault(s => s.Kind == DocumentNodeKind.Object && (s["higherRank"] is null || s["higherRank"]!.IsTrue));
                if (step is null) break;
                document = document.WithoutItem(step);
                changed = true;
            }
            return changed ? document : null;
        });
    }
}
