using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// The units that carry at least one step of some offering's funnel (VT1007). A single fact per analysis,
/// so a rule can join it with units without a pairwise join of two large fact sets.
/// </summary>
internal sealed class FunnelCarriers
{
    private readonly Dictionary<Unit, int> _steps;

    private FunnelCarriers(Dictionary<Unit, int> steps) => _steps = steps;

    /// <summary>The number of funnel steps (over all offerings) that <paramref name="unit"/> carries.</summary>
    public int StepsOf(Unit unit) => _steps.GetValueOrDefault(unit);

    /// <summary>True when <paramref name="unit"/> carries at least one funnel step.</summary>
    public bool Carries(Unit unit) => _steps.ContainsKey(unit);

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<FunnelCarriers>(Build);

    /// <summary>Builds the single fact.</summary>
    public static List<FunnelCarriers> Build(SemanticModel model)
    {
        var steps = new Dictionary<Unit, int>(); // entities compare by reference
        foreach (var offering in model.Organization.Offerings)
            foreach (var step in offering.Funnel)
                if (step.Unit != null) steps[step.Unit] = steps.GetValueOrDefault(step.Unit) + 1;
        return new List<FunnelCarriers> { new(steps) };
    }
}
