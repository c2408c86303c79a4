namespace Vertrieb40.Rules.Baselines;

/// <summary>One accepted finding in a baseline.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="File">The document's file name (without directories, so a baseline works from any checkout).</param>
/// <param name="EntityKind">The entity's collection, e.g. incentivePlans.</param>
/// <param name="EntityId">The entity's stable id.</param>
/// <param name="Discriminator">Tells apart several findings of one rule on one entity (often empty).</param>
/// <param name="Fingerprint">The <see cref="DiagnosticFingerprint"/>.</param>
internal sealed record BaselineEntry(string RuleId, string File, string EntityKind, string EntityId, string Discriminator, string Fingerprint);
