using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reference;

/// <summary>
/// The Digitalisation rules agree with their reference statements under non-default options too (the
/// catalog-wide property runs with the defaults only).
/// </summary>
public class DigitalisationOptionAgreement
{
    private static readonly RuleOptions Options = new(new Dictionary<string, string>
    {
        ["VT2002.minSteps"] = "0",
        ["VT2003.includeMixed"] = "true",
        ["VT2004.includePartial"] = "true",
        ["VT2005.functions"] = "sales, finance, operations",
        ["VT2006.functions"] = "engineering, sales",
        ["VT2006.includeSubUnits"] = "false",
        ["VT2005.salesWithAnyFunction"] = "false",
        ["VT2007.includePartial"] = "false",
    });

    [Property(MaxTest = 100)]
    public Property Engine_equals_reference_with_options(int seed)
    {
        var load = TestOrg.Read(RandomOrganization.Json(seed));
        if (load.HasErrors) return false.Label("generated document has input errors");
        var result = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { RuleOptions = Options });
        static bool Mine(string finding) => finding.StartsWith("VT20", StringComparison.Ordinal);
        var engine = ReferenceEvaluation.FromEngine(result).Where(Mine).ToList();
        var reference = ReferenceEvaluation.Evaluate(load.Organization!, Options).Where(Mine).ToList();
        return engine.SequenceEqual(reference).Label($"seed {seed}\nengine:    {string.Join(", ", engine)}\nreference: {string.Join(", ", reference)}");
    }

    [Fact]
    public void Generated_organisations_exercise_every_Digitalisation_rule()
    {
        // Guards the power of the agreement properties: each rule must fire on some generated documents.
        var fired = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < 100; seed++)
        {
            var load = TestOrg.Read(RandomOrganization.Json(seed));
            foreach (var d in OrganizationAnalyzer.Default.Analyze(load).Diagnostics) fired.Add(d.Id);
        }
        Assert.Equal(["VT2001", "VT2002", "VT2003", "VT2004", "VT2005", "VT2006", "VT2007"], fired.Where(id => id.StartsWith("VT20", StringComparison.Ordinal)).Order().ToArray());
    }
}
