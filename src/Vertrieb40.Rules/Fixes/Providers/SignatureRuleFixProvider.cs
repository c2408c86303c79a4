using System.Globalization;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Fixes.Providers;

/// <summary>
/// VT3007 — signature rule: someone of formally higher rank signs off the work (principle 3.2, Theory X).
/// Removes the policy's sign-off steps whose approver ranks higher (the indices the finding lists: stated
/// <c>"higherRank": true</c>, or absent in a 1.0 document, whose schema made it the default); peer steps and steps
/// that do not say stay. A policy whose higher-rank sign-offs are only thresholds (schema 1.1) loses those thresholds:
/// the sign-off above them is the signature rule.
/// </summary>
internal sealed class SignatureRuleFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override IReadOnlyList<string> FixableDiagnosticIds => [RuleIds.VT3007];

    /// <inheritdoc />
    public override CodeAction? GetFix(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Id != RuleIds.VT3007) return null;
        return new CodeAction($"Remove the higher-rank sign-off steps of approval policy '{NameOf(diagnostic)}'", RuleIds.VT3007 + ".RemoveHigherRankSteps", document =>
        {
            // All steps of the policy in one edit per run of neighbours (looked up once: a fix run's document
            // keeps the tree of the text it started from).
            var entity = EntityOf(document, diagnostic);
            foreach (var (array, property) in new[] { ("steps", "higherRankSteps"), ("thresholds", "higherRankThresholds") })
            {
                if (entity?[array] is not { Kind: DocumentNodeKind.Array } items) continue;
                var indices = Indices(diagnostic, property);
                // The indices come from the analysed text; the item must still say it ranks higher (a second run
                // over the fixed text must not remove the peer step that moved to a removed step's index).
                var higher = items.Items.Where((s, i) => s.Kind == DocumentNodeKind.Object && indices.Contains(i) && RanksHigher(document, s, array)).ToList();
                if (higher.Count > 0) return document.WithoutItems(items, higher);
            }
            return null;
        })
        { GermanTitle = $"Die Freigabeschritte höheren Rangs der Freigaberegel „{NameOf(diagnostic)}“ entfernen" };
    }

    // Stated true; or, for a step of a 1.0 document, absent (that schema's documented default).
    private static bool RanksHigher(OrganizationDocument document, DocumentNode item, string array)
        => item["higherRank"] is { } rank ? rank.IsTrue
            : array == "steps" && document.Root["schemaVersion"]?.StringValue == "1.0";

    // The rule lists the indices it judged (SignatureRule.HigherRankStepsProperty / HigherRankThresholdsProperty).
    private static HashSet<int> Indices(Diagnostic diagnostic, string property)
        => diagnostic.Properties.TryGetValue(property, out var text) && !string.IsNullOrEmpty(text)
            ? text.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToHashSet()
            : new HashSet<int>();
}
