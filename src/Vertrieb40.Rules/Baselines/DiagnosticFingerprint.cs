using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Baselines;

/// <summary>
/// A stable identity for a finding across runs: rule id + entity kind + entity id (+ a discriminator when
/// one rule reports several findings on the same entity) — never line numbers or array positions, because
/// exports reorder rows. Used by baselines and by SARIF <c>partialFingerprints</c>.
/// </summary>
internal static class DiagnosticFingerprint
{
    /// <summary>The property a rule may set to tell apart several findings on one entity.</summary>
    public const string DiscriminatorProperty = "discriminator";

    /// <summary>The fingerprint: 32 lower-case hex digits (the first 128 bits of SHA-256 of <see cref="Describe"/>).</summary>
    public static string Compute(Diagnostic diagnostic)
        => Baseline.Hash(Describe(diagnostic));

    /// <summary>The readable text the fingerprint is computed from: <c>ruleId|entityKind|entityId|discriminator</c>.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var (kind, id) = Entity(diagnostic.Location);
        return string.Join("|", diagnostic.Id, kind, id, Discriminator(diagnostic));
    }

    /// <summary>
    /// What tells apart several findings of one rule on one entity: the property <c>discriminator</c> when
    /// the rule sets it, otherwise every property whose name ends in <c>Id</c> (ids are stable; counts and
    /// names are not), as <c>name=value</c> pairs in name order. Empty when there are none.
    /// </summary>
    public static string Discriminator(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Properties.TryGetValue(DiscriminatorProperty, out var explicitValue) && explicitValue != null) return explicitValue;
        return string.Join(";", diagnostic.Properties
            .Where(kv => kv.Key.EndsWith("Id", StringComparison.Ordinal) && kv.Key.Length > 2)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
    }

    // An entity when the location names one; otherwise the pointer (document-level findings) — still no line numbers.
    internal static (string Kind, string Id) Entity(Location location)
        => location.EntityId != null ? (location.EntityKind ?? "", location.EntityId) : ("", location.JsonPointer);
}
