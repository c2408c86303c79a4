namespace Vertrieb40.Rules.Diagnostics;

/// <summary>A rule's severity as configuration set it (for SARIF <c>ruleConfigurationOverrides</c>; low in the layers, since configuration makes it and reports write it).</summary>
/// <param name="RuleId">The rule id, e.g. VT1009.</param>
/// <param name="Severity">The configured severity.</param>
/// <param name="Enabled">False when configuration switched the rule off.</param>
/// <param name="Source">Where it was configured (a file or option), for the notification text.</param>
internal sealed record RuleSeverityOverride(string RuleId, DiagnosticSeverity Severity, bool Enabled = true, string? Source = null);
