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

    /// <summary>
    /// Options of this rule whose value is valid but cannot have an effect on the document (e.g. VT3007 subjects no
    /// policy has), with the reason; reported as VT0203. None by default.
    /// </summary>
    public virtual IEnumerable<KeyValuePair<string, string>> OptionsWithoutEffect(SemanticModel model, RuleOptions options)
        => Array.Empty<KeyValuePair<string, string>>();
}
