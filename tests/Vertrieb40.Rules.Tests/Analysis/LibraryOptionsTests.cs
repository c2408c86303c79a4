using System.Globalization;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>
/// Issue 13: typed severities in code, rule selection that does what it says, the effective severities kept in the
/// result (SARIF <c>ruleConfigurationOverrides</c> from the command line too), setup errors and input-error
/// arguments in the run's language.
/// </summary>
public class LibraryOptionsTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    [Fact]
    public void WithSeverity_sets_a_rules_severity_in_code_and_wins_over_the_files()
    {
        var plain = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        var vt1009 = plain.Diagnostics.Where(d => d.Id == "VT1009").ToList();
        Assert.NotEmpty(vt1009);
        Assert.All(vt1009, d => Assert.NotEqual(DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(plain.SeverityOverrides);

        var fromFile = new AnalysisOptions { Configuration = AnalyzerConfiguration.Parse("vertrieb40_diagnostic.VT1009.severity = suggestion\n", "/x/.vertrieb40config") };
        var options = fromFile.WithSeverity("VT1009", DiagnosticSeverity.Error);
        Assert.NotSame(fromFile, options);
        Assert.Empty(fromFile.Severities); // a copy: the original (and AnalysisOptions.Default) stay as they are
        var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, options);
        var raised = result.Diagnostics.Where(d => d.Id == "VT1009").ToList();
        Assert.Equal(vt1009.Count, raised.Count);
        Assert.All(raised, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        var o = Assert.Single(result.SeverityOverrides);
        Assert.Equal(("VT1009", DiagnosticSeverity.Error, true, "AnalysisOptions.WithSeverity"), (o.RuleId, o.Severity, o.Enabled, o.Source));

        // The file alone: its override, named by the file's name only (no directories in reports).
        var fileOnly = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, fromFile);
        Assert.Equal(("VT1009", DiagnosticSeverity.Info, ".vertrieb40config"), fileOnly.SeverityOverrides.Select(x => (x.RuleId, x.Severity, x.Source)).Single());
    }

    [Fact]
    public void WithSeverity_refuses_what_is_not_an_id_and_reports_an_id_no_rule_has()
    {
        Assert.Throws<ArgumentException>(() => AnalysisOptions.Default.WithSeverity("acme-1", DiagnosticSeverity.Error));
        var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, AnalysisOptions.Default.WithSeverity("VT9999", DiagnosticSeverity.Error));
        var unknown = Assert.Single(result.Diagnostics, d => d.Id == "VT0200");
        Assert.Contains("VT9999", unknown.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Empty(AnalysisOptions.Default.Severities);
    }

    [Fact]
    public void OnlyRules_runs_the_selected_rules_only()
    {
        var all = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        var only = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, new AnalysisOptions { OnlyRules = new[] { "VT3001", "vt1009" } });
        var findings = only.Diagnostics.Where(d => d.Descriptor.Category is not (DiagnosticCategories.Input or DiagnosticCategories.Internal)).ToList();
        Assert.Equal(new[] { "VT1009", "VT3001" }, findings.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(all.Diagnostics.Count(d => d.Id is "VT1009" or "VT3001"), findings.Count);
        Assert.Equal(2, only.CheckedRules);
    }

    [Theory]
    [InlineData("hr-export.csv")]
    [InlineData("hr-export.xlsx")]
    public void Reading_a_stream_takes_the_format_from_the_name_as_reading_a_file_does(string seed)
    {
        // HrExportReader and XlsxExportReader are internal now: OrganizationReader dispatches streams as it does files.
        var path = Path.Combine(SeedPaths.Seeds, seed);
        var options = new ReaderOptions { HrExport = new Vertrieb40.Rules.Reading.HrExport.HrExportOptions { FindPracticesFile = false } };
        var fromFile = OrganizationReader.ReadFile(path, options);
        using var stream = File.OpenRead(path);
        var fromStream = OrganizationReader.Read(stream, seed, options);
        Assert.False(fromStream.HasErrors, string.Join("; ", fromStream.Diagnostics));
        Assert.True(fromStream.Organization!.People.Count > 10);
        Assert.Equal(fromFile.Organization!.People.Select(p => p.Id), fromStream.Organization.People.Select(p => p.Id));
        Assert.Equal(fromFile.Diagnostics.Select(d => d.Id), fromStream.Diagnostics.Select(d => d.Id));
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void The_command_line_writes_the_configured_severities_into_SARIF()
    {
        var dir = Directory.CreateTempSubdirectory("v40-overrides");
        try
        {
            var path = Path.Combine(dir.FullName, "org.json");
            File.Copy(SeedPaths.Classic, path);
            var (code, sarif, _) = Run("analyze", path, "--format", "sarif");
            Assert.Equal(1, code);
            Assert.Null(JObject.Parse(sarif)["runs"]![0]!["invocations"]![0]!["ruleConfigurationOverrides"]);

            File.WriteAllText(Path.Combine(dir.FullName, AnalyzerConfiguration.FileName),
                "vertrieb40_diagnostic.VT1009.severity = error\nvertrieb40_diagnostic.VT1010.severity = none\n");
            (code, sarif, _) = Run("analyze", path, "--format", "sarif");
            Assert.Equal(1, code);
            var run = JObject.Parse(sarif)["runs"]![0]!;
            var overrides = run["invocations"]![0]!["ruleConfigurationOverrides"]!.ToList();
            Assert.Equal(new[] { "VT1009", "VT1010" }, overrides.Select(x => (string?)x["descriptor"]!["id"]));
            Assert.Equal("error", (string?)overrides[0]["configuration"]!["level"]);
            Assert.False((bool)overrides[1]["configuration"]!["enabled"]!);
            Assert.Contains(run["invocations"]![0]!["toolConfigurationNotifications"]!,
                n => ((string)n["message"]!["text"]!).Contains("VT1009", StringComparison.Ordinal) && ((string)n["message"]!["text"]!).Contains(AnalyzerConfiguration.FileName, StringComparison.Ordinal));
            Assert.DoesNotContain(dir.FullName, run["invocations"]![0]!["toolConfigurationNotifications"]!.ToString(), StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_rule_catalogue_is_written_by_the_library_as_the_command_prints_it()
    {
        var (code, json, _) = Run("rules", "--format", "json", "--culture", "en");
        Assert.Equal(0, code);
        var w = new StringWriter();
        Vertrieb40.Rules.Reporting.RuleCatalog.WriteJson(OrganizationAnalyzer.Default.SupportedDiagnostics, w, TestOrg.English);
        Assert.Equal(w.ToString(), json);
        var vt3001 = JArray.Parse(json).OfType<JObject>().Single(o => (string?)o["id"] == "VT3001");
        Assert.Equal(new[] { "id", "title", "category", "defaultSeverity", "enabledByDefault", "helpUri" }, vt3001.Properties().Select(p => p.Name));
        Assert.Equal("error", (string?)vt3001["defaultSeverity"]);
    }

    [Fact]
    public void Setup_errors_are_written_in_the_language_of_culture()
    {
        var dir = Directory.CreateTempSubdirectory("v40-setup");
        try
        {
            var suppressions = Path.Combine(dir.FullName, "suppressions.json");
            File.WriteAllText(suppressions, "{ not json");
            var (code, _, err) = Run("analyze", SeedPaths.Classic, "--suppressions", suppressions, "--culture", "de");
            Assert.Equal(2, code);
            Assert.Contains("Ungültige Unterdrückungsdatei", err, StringComparison.Ordinal);
            (code, _, err) = Run("analyze", SeedPaths.Classic, "--suppressions", suppressions, "--culture", "en");
            Assert.Equal(2, code);
            Assert.DoesNotContain("Ungültige", err, StringComparison.Ordinal);

            var baseline = Path.Combine(dir.FullName, "baseline.json");
            File.WriteAllText(baseline, "[]");
            (code, _, err) = Run("analyze", SeedPaths.Classic, "--baseline", baseline, "--culture", "de");
            Assert.Equal(2, code);
            Assert.Contains("Ungültige Baseline-Datei", err, StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Theory]
    [InlineData("""{ "schemaVersion": "1.0", "units": [ { "id": 5 } ] }""", "„id“ muss eine Zeichenkette sein, das Dokument enthält aber eine Zahl", "'id' must be a string, but the document has a number")]
    [InlineData("""{ "schemaVersion": "1.0", "units": [ { "id": "u", "colour": 1 } ] }""", "Unbekannte Eigenschaft „colour“ in einer Einheit", "Unknown property 'colour' in a unit")]
    [InlineData("""{ "schemaVersion": "1.0", "units": [ 7 ] }""", "muss ein Objekt (eine Einheit) sein, das Dokument enthält aber eine Zahl", "must be an object (one unit), but the document has a number")]
    [InlineData("""{ "schemaVersion": "1.0", "units": [ { "id": "u", "kind": "squad" } ] }""", "erwartet wird einer der Werte ", "expected one of ")]
    [InlineData("""{ "schemaVersion": "1.0", "units": [ { "name": "x" } ] }""", "Einheit /units/0 braucht die Eigenschaft „id“", "Unit /units/0 must have the property 'id'")]
    [InlineData("""[]""", "„das Dokument“ muss ein Objekt sein, das Dokument enthält aber ein Array", "'the document' must be an object, but the document has an array")]
    public void Input_error_arguments_are_German_in_German_messages(string json, string german, string english)
    {
        var load = OrganizationReader.ReadString(json, "x.json");
        Assert.NotEmpty(load.Diagnostics);
        var de = string.Join("\n", load.Diagnostics.Select(d => d.GetMessage(German)));
        var en = string.Join("\n", load.Diagnostics.Select(d => d.GetMessage(TestOrg.English)));
        Assert.Contains(german, de, StringComparison.Ordinal);
        Assert.Contains(english, en, StringComparison.Ordinal);
        foreach (var word in new[] { " a string", " a number", " an object", " an array", " one of ", " a unit", "Unit /" })
            Assert.DoesNotContain(word, de, StringComparison.Ordinal);
    }
}
