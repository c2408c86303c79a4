namespace Vertrieb40.Rules.Analysis;

/// <summary>Time spent in one rule during one analysis (Roslyn's <c>/reportanalyzer</c>).</summary>
/// <param name="RuleName">The rule class.</param>
/// <param name="DiagnosticIds">The ids the rule declares.</param>
/// <param name="Elapsed">Time in conditions (matching) and actions (reporting).</param>
/// <param name="Firings">How often the rule's action ran.</param>
internal sealed record RuleTiming(string RuleName, IReadOnlyList<string> DiagnosticIds, TimeSpan Elapsed, int Firings);
