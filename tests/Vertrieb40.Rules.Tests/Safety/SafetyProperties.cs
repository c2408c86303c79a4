using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Fuzz;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;
using Vertrieb40.Rules.Tests.Reference;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 6, properties over generated organisations (Reference/RandomOrganization): no exception for valid and
/// mutated documents, byte-identical JSON reports, and the same findings whatever the order of entities.
/// </summary>
public class SafetyProperties
{
    private static AnalysisResult Analyze(string json, string file = "generated.json")
        => OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(json, file), new AnalysisOptions());

    private static string JsonReport(AnalysisResult result)
    {
        var w = new StringWriter();
        new JsonReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), w);
        return w.ToString();
    }

    [Property(MaxTest = 150)]
    public Property Valid_documents_read_without_errors_and_analyse_without_exception(int seed)
    {
        var json = RandomOrganization.Json(seed);
        var load = OrganizationReader.ReadString(json, "generated.json");
        if (load.HasErrors) return false.Label($"seed {seed}: " + string.Join("; ", load.Diagnostics.Select(d => d.ToString(TestOrg.English))));
        FuzzTarget.Run(Encoding.UTF8.GetBytes(json)); // throws on any exception or broken invariant
        var result = OrganizationAnalyzer.Default.Analyze(load);
        return (!result.InputFailed && result.Diagnostics != null).Label($"seed {seed}");
    }

    [Property(MaxTest = 400)]
    public Property Mutated_documents_never_throw_and_always_come_back_with_diagnostics(int seed, int mutation)
    {
        var bytes = Mutations.MutateBytes(RandomOrganization.Json(seed), new Random(mutation));
        FuzzTarget.Run(bytes);
        var load = OrganizationReader.Read(new MemoryStream(bytes), "mutated.json");
        var result = OrganizationAnalyzer.Default.Analyze(load);
        // Either the document was read (and analysed), or it failed with at least one input error and no findings.
        var consistent = load.HasErrors
            ? result.InputFailed && result.Diagnostics.Count > 0 && result.Diagnostics.All(d => d.Id.StartsWith("VT00", StringComparison.Ordinal))
            : !result.InputFailed && load.Organization != null;
        return consistent.Label($"seed {seed}, mutation {mutation}: " + string.Join("; ", result.Diagnostics.Take(5).Select(d => d.ToString(TestOrg.English))));
    }

    [Property(MaxTest = 300)]
    public Property Dropped_duplicated_or_retyped_fields_never_throw(int seed, int mutation)
    {
        var json = Mutations.MutateTree(RandomOrganization.Json(seed), new Random(mutation));
        FuzzTarget.Run(Encoding.UTF8.GetBytes(json));
        var load = OrganizationReader.ReadString(json, "mutated.json");
        // Structural mutations keep the JSON well-formed: whatever is wrong must be named, never VT0001.
        return load.Diagnostics.All(d => d.Id != "VT0001").Label($"seed {seed}, mutation {mutation}: " + string.Join("; ", load.Diagnostics.Select(d => d.ToString(TestOrg.English))));
    }

    [Property(MaxTest = 60)]
    public Property Same_input_gives_a_byte_identical_json_report(int seed)
    {
        var json = RandomOrganization.Json(seed);
        var first = JsonReport(Analyze(json));
        var second = JsonReport(Analyze(json));
        var third = JsonReport(OrganizationAnalyzer.Default.Analyze(OrganizationReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "generated.json"),
            new AnalysisOptions()));
        return (first == second && second == third).Label($"seed {seed}");
    }

    [Property(MaxTest = 150)]
    public Property Shuffling_entities_gives_the_same_set_of_diagnostics(int seed, int shuffle)
    {
        var json = RandomOrganization.Json(seed);
        var shuffled = Mutations.Shuffle(json, new Random(shuffle));
        static List<string> Findings(AnalysisResult r) => r.Diagnostics
            .Select(d => $"{d.Id} {d.Location.EntityKind}/{d.Location.EntityId}")
            .Order(StringComparer.Ordinal).ToList();
        var a = Findings(Analyze(json));
        var b = Findings(Analyze(shuffled));
        return a.SequenceEqual(b).Label($"seed {seed}, shuffle {shuffle}\noriginal: {string.Join(", ", a)}\nshuffled: {string.Join(", ", b)}");
    }

    [Fact]
    public void The_shuffle_property_can_fail_it_sees_entity_ids()
    {
        // Guard against a vacuous property: generated organisations do have findings tied to entities.
        var withFindings = Enumerable.Range(0, 20).Select(s => Analyze(RandomOrganization.Json(s)))
            .Count(r => r.Diagnostics.Any(d => d.Location.EntityId != null));
        Assert.True(withFindings >= 5, $"only {withFindings} of 20 generated organisations have entity findings");
        var json = RandomOrganization.Json(3);
        Assert.NotEqual(json, Mutations.Shuffle(json, new Random(1)));
    }
}
