using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Analysis;

public class DeterminismTests
{
    private static string Report(string path, IReportWriter writer)
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(path, new AnalysisOptions());
        var sw = new StringWriter();
        writer.Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), sw);
        return sw.ToString();
    }

    [Fact]
    public void Same_input_gives_byte_identical_json_and_text()
    {
        var path = SeedPaths.Classic;
        Assert.Equal(Report(path, new JsonReportWriter()), Report(path, new JsonReportWriter()));
        Assert.Equal(Report(path, new TextReportWriter()), Report(path, new TextReportWriter()));
    }

    [Fact]
    public void Diagnostics_are_ordered_by_file_position_and_id()
    {
        var ds = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Diagnostics;
        var sorted = ds.OrderBy(d => d.Location.Span.StartLine).ThenBy(d => d.Location.Span.StartColumn).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted.Select(TestOrg.Short), ds.Select(TestOrg.Short));
    }

    [Fact]
    public void Analyzer_is_safe_to_share_between_threads()
    {
        var expected = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Diagnostics.Select(TestOrg.Short).ToList();
        var results = new List<string>[8];
        Parallel.For(0, results.Length, i => results[i] = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Diagnostics.Select(TestOrg.Short).ToList());
        foreach (var r in results) Assert.Equal(expected, r);
    }
}
