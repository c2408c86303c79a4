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
    /// The options this rule reads (declared once: name, type, default, range, documentation). A value for any other
    /// option of this rule's ids is reported before the run (VT0203, with the closest declared name). None by default.
    /// </summary>
    public virtual IReadOnlyList<RuleOption> SupportedOptions => Array.Empty<RuleOption>();

    /// <summary>
    /// The derived facts (aggregates built once from the semantic model) this rule matches. They are built only when a
    /// rule that declares them runs: a rule switched off (severity <c>none</c>), not selected or unable to check costs
    /// no derived-fact work. A rule that matches a fact type which is neither an entity of the document nor declared
    /// here is refused when the engine is created.
    /// </summary>
    public virtual IReadOnlyList<DerivedFact> DerivedFacts => Array.Empty<DerivedFact>();

    /// <summary>
    /// Options of this rule whose value is valid but cannot have an effect on the document (e.g. VT3007 subjects no
    /// policy has), with the reason; reported as VT0203. None by default.
    /// </summary>
    public virtual IEnumerable<KeyValuePair<string, string>> OptionsWithoutEffect(SemanticModel model, RuleOptions options)
        => Array.Empty<KeyValuePair<string, string>>();
}
