// Types that break the layer map on purpose, for LayerViolationTests (never used otherwise). Block namespaces:
// each type must sit in the namespace of the layer it plays.
#pragma warning disable CA1812 // never instantiated: only their references are read
namespace Vertrieb40.Rules.Tests.Architecture.Violating.Text
{
    internal sealed class Pointer
    {
        public string Value { get; } = "";
    }
}

namespace Vertrieb40.Rules.Tests.Architecture.Violating.Model
{
    // Upward: the model (Text only) uses a report type.
    internal sealed class Unit
    {
        public Text.Pointer? Pointer { get; set; }
        public Reporting.Report? Report { get; set; }
    }
}

namespace Vertrieb40.Rules.Tests.Architecture.Violating.Reporting
{
    internal sealed class Report
    {
        public Model.Unit? Unit { get; set; }
    }
}

namespace Vertrieb40.Rules.Tests.Architecture.Violating.Analysis
{
    // Analysis ⇄ Scoring, the shape of one of the cycles issue 13 removed.
    internal sealed class Engine
    {
        public Scoring.Score? Score { get; set; }
    }
}

namespace Vertrieb40.Rules.Tests.Architecture.Violating.Scoring
{
    internal sealed class Score
    {
        public Analysis.Engine? Engine { get; set; }
    }
}
#pragma warning restore CA1812
