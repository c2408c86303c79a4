using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>
/// The Effectiveness rules agree with their reference statements also under non-default options (the
/// general property runs with defaults only): each case picks one of several option sets.
/// </summary>
public class EffectivenessOptionsProperties
{
    private static readonly Dictionary<string, string>[] OptionSets =
    {
        new()
        {
            ["VT3002.kinds"] = "rating360, peerThanks", ["VT3009.kinds"] = "contest",
            ["VT3003.keywords"] = "famil, team", ["VT3003.ignoredWords"] = "families",
            ["VT3004.dimensions"] = "when", ["VT3005.uses"] = "planning",
            ["VT3006.subjects"] = "offer, contract", ["VT3007.subjects"] = "discount, price, offer",
            ["VT3008.maxDepth"] = "0", ["VT3010.minPeople"] = "2",
        },
        new()
        {
            ["VT3002.kinds"] = "ranking", ["VT3009.kinds"] = "employeeOfTheMonth, leaderboard",
            ["VT3003.keywords"] = "big, Familie", ["VT3003.ignoredWords"] = "",
            ["VT3004.dimensions"] = "what, withWhom", ["VT3005.uses"] = "evaluation",
            ["VT3006.subjects"] = "discount", ["VT3007.subjects"] = "calculation",
            ["VT3008.maxDepth"] = "2", ["VT3010.minPeople"] = "4",
        },
    };

    [Property(MaxTest = 150)]
    public Property Effectiveness_rules_equal_reference_under_options(int seed, bool second)
    {
        var load = TestOrg.Read(RandomOrganization.Json(seed));
        if (load.HasErrors) return false.Label("generated document has input errors");
        var values = OptionSets[second ? 1 : 0];
        var result = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { RuleOptions = new RuleOptions(values) });
        static bool Mine(string line) => line.StartsWith("VT30", StringComparison.Ordinal) && !line.StartsWith("VT3001 ", StringComparison.Ordinal);
        var engine = ReferenceEvaluation.FromEngine(result).Where(Mine).ToList();
        var reference = ReferenceEvaluation.Evaluate(load.Organization!, new RuleOptions(values)).Where(Mine).ToList();
        return engine.SequenceEqual(reference).Label($"seed {seed}, set {(second ? 2 : 1)}\nengine:    {string.Join(", ", engine)}\nreference: {string.Join(", ", reference)}");
    }
}
