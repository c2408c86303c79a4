using System.Globalization;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reporting;

public class TextAndJsonReportTests
{
    private static string Write(IReportWriter writer, CultureInfo culture, params AnalysisResult[] results)
    {
        var sw = new StringWriter();
        writer.Write(new ReportContext(results, OrganizationAnalyzer.Default.SupportedDiagnostics, culture), sw);
        return sw.ToString();
    }

    [Fact]
    public void Text_ends_with_a_summary_table_the_score_and_the_one_line_summary()
    {
        var result = SarifTests.Analyze(SeedPaths.Classic);
        var text = Write(new TextReportWriter(), TestOrg.English, result);
        var lines = text.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(@"^1 file analysed: \d+ errors?, \d+ warnings?, \d+ info, 0 suppressed\.$", lines[^1]);
        Assert.Matches(@"(?m)^Category\s+Errors\s+Warnings\s+Info\s+Suppressed$", text);
        // Each row holds the counts of its category (the seed's findings change as rules are added).
        foreach (var category in new[] { "Team", "Digitalisation", "Effectiveness" })
        {
            var c = SeverityCounts.Of(result.Diagnostics.Where(d => d.Descriptor.Category == category));
            Assert.Matches($@"(?m)^{category}\s+{c.Errors}\s+{c.Warnings}\s+{c.Infos}\s+{c.Suppressed}$", text);
        }
        var t = SeverityCounts.Of(result.Diagnostics);
        Assert.True(t.Errors > 0);
        Assert.Matches($@"(?m)^Total\s+{t.Errors}\s+{t.Warnings}\s+{t.Infos}\s+{t.Suppressed}$", text);
        Assert.Matches(@"(?m)^Vertrieb-4\.0 score\s+Overall\s+Team\s+Digitalisation\s+Effectiveness$", text);
        Assert.Matches(@"(?m)^classic-sales-org\.json\s+\d+\s+\d+\s+\d+\s+\d+  \(score over 27 of 27 rules\)$", text);
        // Coverage (issue 10): one line before the summary.
        Assert.Contains("Coverage: 27 of 27 rules checked, 0 could not check, 0 not applicable.", lines);
        // Compiler-style lines come first.
        Assert.Matches(@"^.*classic-sales-org\.json\(\d+,\d+\): (error|warning|info) VT\d{4}: ", lines[0]);
        Assert.Matches(@"(?m)^.*classic-sales-org\.json\(\d+,\d+\): error VT3001: ", text);
    }

    [Fact]
    public void Text_in_german_and_for_unreadable_documents()
    {
        var de = Write(new TextReportWriter(), CultureInfo.GetCultureInfo("de"), SarifTests.Analyze(SeedPaths.Clean));
        Assert.Matches(@"(?m)^Kategorie\s+Fehler\s+Warnungen\s+Hinweise\s+Unterdrückt$", de);
        Assert.Matches(@"(?m)^vertrieb40-org\.json\s+100\s+100\s+100\s+100  \(Score aus 27 von 27 Regeln\)$", de);
        Assert.Contains("Abdeckung: 27 von 27 Regeln geprüft, 0 nicht prüfbar, 0 nicht anwendbar.", de);
        var bad = OrganizationAnalyzer.Default.Analyze(TestOrg.Read("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }"));
        var en = Write(new TextReportWriter(), TestOrg.English, bad);
        Assert.Contains("not scored", en);
        Assert.Matches(@"(?m)^Input\s+[1-9]", en);
    }

    [Fact]
    public void Json_has_score_and_summary_per_file_and_overall()
    {
        var result = SarifTests.Analyze(SeedPaths.Classic);
        var json = JObject.Parse(Write(new JsonReportWriter(), TestOrg.English, result, SarifTests.Analyze(SeedPaths.Clean)));
        var classic = json["files"]![0]!;
        var clean = json["files"]![1]!;
        var team = SeverityCounts.Of(result.Diagnostics.Where(d => d.Descriptor.Category == "Team"));
        var effect = SeverityCounts.Of(result.Diagnostics.Where(d => d.Descriptor.Category == "Effectiveness"));
        Assert.True(team.Warnings > 0 && effect.Errors > 0);
        Assert.Equal(team.Warnings, (int)classic["summary"]!["byCategory"]!["Team"]!["warnings"]!);
        Assert.Equal(effect.Errors, (int)classic["summary"]!["byCategory"]!["Effectiveness"]!["errors"]!);
        Assert.InRange((int)classic["score"]!["overall"]!["score"]!, 0, 99);
        Assert.Equal(100, (int)clean["score"]!["overall"]!["score"]!);
        Assert.Equal(100, (int)clean["score"]!["categories"]!["Team"]!["score"]!);
        Assert.NotEmpty(classic["score"]!["units"]!);
        Assert.All(classic["score"]!["units"]!, u => Assert.True((int)u["people"]! >= 5));
        // Overall: the same formula over both files together, so between the two files' scores.
        var overall = (int)json["score"]!["overall"]!["score"]!;
        Assert.InRange(overall, (int)classic["score"]!["overall"]!["score"]!, 99);
        Assert.Equal(SeverityCounts.Of(result.Diagnostics).Errors, (int)json["summary"]!["errors"]!);
        Assert.Equal(effect.Errors, (int)json["summary"]!["byCategory"]!["Effectiveness"]!["errors"]!);
    }

    [Fact]
    public void Json_score_is_null_when_the_document_cannot_be_read()
    {
        var bad = OrganizationAnalyzer.Default.Analyze(TestOrg.Read("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }"));
        var json = JObject.Parse(Write(new JsonReportWriter(), TestOrg.English, bad));
        Assert.Equal(JTokenType.Null, json["files"]![0]!["score"]!.Type);
        Assert.Equal(JTokenType.Null, json["score"]!.Type);
    }

    [Fact]
    public void Cli_writes_html_and_sarif_and_help_lists_the_formats()
    {
        var dir = Directory.CreateTempSubdirectory();
        var o = new StringWriter();
        var html = Path.Combine(dir.FullName, "r.html");
        Assert.Equal(1, Program.Run(new[] { "analyze", SeedPaths.Classic, "--format", "html", "--output", html, "--culture", "de" }, o, o));
        Assert.Contains("<html lang=\"de\">", File.ReadAllText(html));
        var json = Path.Combine(dir.FullName, "r.json");
        Program.Run(new[] { "analyze", SeedPaths.Classic, "--format", "json", "--output", json, "--min-group-size", "1" }, o, o);
        var units = JObject.Parse(File.ReadAllText(json))["files"]![0]!["score"]!["units"]!.Count();
        Program.Run(new[] { "analyze", SeedPaths.Classic, "--format", "json", "--output", json }, o, o);
        Assert.True(units > JObject.Parse(File.ReadAllText(json))["files"]![0]!["score"]!["units"]!.Count());
        Assert.Equal(2, Program.Run(new[] { "analyze", SeedPaths.Classic, "--min-group-size", "0" }, o, o));
        var help = new StringWriter();
        Program.Run(new[] { "--help" }, help, help);
        Assert.Contains("text|json|sarif|html", help.ToString());
        Assert.Contains("sarif merge", help.ToString());
    }
}
