using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// Base of every rule: an NRules rule that declares the descriptors it may report (Roslyn's
/// <c>SupportedDiagnostics</c>). The engine refuses any other descriptor. Rules report through the
/// <see cref="AnalysisContext"/> they resolve as a dependency:
/// <code>
/// AnalysisContext context = null!;
/// Dependency().Resolve(() => context);
/// </code>
/// </summary>
public abstract class OrganizationRule : NRules.Fluent.Dsl.Rule
{
    /// <summary>The descriptors this rule may report.</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }
}
