using System.Collections;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// A derived fact type (an aggregate computed once from the semantic model, e.g. a team's staffing) and how it is
/// built, declared by the rules that match it (<see cref="OrganizationRule.DerivedFacts"/>). Built once per run when
/// at least one rule that declares it runs, however many rules declare it.
/// </summary>
public sealed class DerivedFact
{
    private readonly Func<SemanticModel, IList> _build;

    private DerivedFact(Type type, Func<SemanticModel, IList> build)
    {
        FactType = type;
        _build = build;
    }

    /// <summary>The type of the facts inserted.</summary>
    public Type FactType { get; }

    /// <summary>Declares facts of type <typeparamref name="T"/> built by <paramref name="build"/> from the semantic model.</summary>
    public static DerivedFact Of<T>(Func<SemanticModel, IReadOnlyList<T>> build) where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        return new DerivedFact(typeof(T), m =>
        {
            var facts = build(m);
            return facts as IList ?? facts.ToList();
        });
    }

    internal IList Build(SemanticModel model) => _build(model);
}
