using System.Text;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Tests.Scoring;

/// <summary>Issue 17: analysis time grew with the square of the hierarchy depth (a 40,000-unit chain: a minute).</summary>
public class DeepHierarchyTests
{
    // A chain of sales units, each the parent of the next, one person each: every unit is a checked entity of the score.
    internal static string Chain(int n)
    {
        var sb = new StringBuilder("{ \"schemaVersion\": \"1.0\",\n\"units\": [\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append(i == 0 ? "" : ",\n").Append("{ \"id\": \"u").Append(i).Append("\", \"kind\": \"department\", \"function\": \"sales\"");
            if (i > 0) sb.Append(", \"parentId\": \"u").Append(i - 1).Append('"');
            sb.Append(" }");
        }
        sb.Append("],\n\"roles\": [ { \"id\": \"r-sales\", \"name\": \"Sales\", \"function\": \"sales\" } ],\n\"people\": [\n");
        for (var i = 0; i < n; i++)
            sb.Append(i == 0 ? "" : ",\n").Append("{ \"id\": \"p").Append(i).Append("\", \"unitId\": \"u").Append(i).Append("\", \"roleIds\": [\"r-sales\"] }");
        return sb.Append("] }").ToString();
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public void Scoring_a_deep_chain_visits_each_unit_a_bounded_number_of_times(int n)
    {
        var load = OrganizationReader.ReadString(Chain(n), "chain.json");
        Assert.False(load.HasErrors);
        var result = OrganizationAnalyzer.Default.Analyze(load);
        // Every unit is a checked entity: clean ones add to C of each ancestor, as findings add to P.
        Assert.Equal(n, result.Outline!.Entities.Count(e => e.Kind == "units"));
        var score = result.Score()!;
        // Walking the ancestors of every finding and every clean unit visited n²/2 units (2·10⁸ at 20,000).
        Assert.InRange(VertriebScore.LastUnitVisits, 1, 4L * n);
        // The roll-up still reaches the root: the root carries every finding of the chain.
        Assert.Equal(result.Diagnostics.Count(VertriebScore.Counts), score.Units[0].Card.Overall.Findings);
        Assert.Equal(score.Organization.Overall.Findings, score.Units[0].Card.Overall.Findings);
        // Each unit carries the findings of its own subtree: those on units and people at or below it.
        int UnitOf(Vertrieb40.Rules.Diagnostics.Diagnostic d)
            => d.Location.EntityKind is "units" or "people" && d.Location.EntityId is { Length: > 1 } id ? int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var counted = result.Diagnostics.Where(VertriebScore.Counts).Select(UnitOf).ToList();
        foreach (var m in new[] { n - 1, n / 2, 1 })
            Assert.Equal(counted.Count(j => j >= m), score.Units[m].Card.Overall.Findings);
    }
}
