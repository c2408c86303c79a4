using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Analysis.Facts;

/// <summary>
/// Something the document says pays people for results: an incentive plan, or (schema 1.1) a recognition
/// programme that carries a prize — a contest with a trip to win is pay tied to results (article L439: abolish every
/// form of incentive). One fact per plan and per programme with a stated prize; a programme whose prize the document
/// does not state is not one (unknown stays unknown).
/// </summary>
internal sealed class PayForResults
{
    private PayForResults(Entity source, IncentivePlan? plan, RecognitionProgram? program)
    {
        Source = source;
        Plan = plan;
        Program = program;
    }

    /// <summary>The plan or the programme.</summary>
    public Entity Source { get; }

    /// <summary>The incentive plan; null for a programme.</summary>
    public IncentivePlan? Plan { get; }

    /// <summary>The recognition programme with a prize; null for a plan.</summary>
    public RecognitionProgram? Program { get; }

    /// <summary>True when the programme states a prize.</summary>
    public static bool HasPrize(RecognitionProgram program) => !string.IsNullOrWhiteSpace(program.Prize);

    /// <summary>Declared by the rules that match these facts.</summary>
    internal static readonly DerivedFact Fact = DerivedFact.Of<PayForResults>(Build);

    /// <summary>One fact per incentive plan and per recognition programme with a prize, in document order.</summary>
    public static List<PayForResults> Build(SemanticModel model)
    {
        var org = model.Organization;
        var facts = new List<PayForResults>(org.IncentivePlans.Count);
        foreach (var plan in org.IncentivePlans) facts.Add(new PayForResults(plan, plan, null));
        foreach (var program in org.RecognitionPrograms)
            if (HasPrize(program)) facts.Add(new PayForResults(program, null, program));
        return facts;
    }
}
