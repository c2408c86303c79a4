using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Configuration;

public class ConfigurationTests
{
    // One individual target (VT1009, Team, warning), one control meeting (VT1010, Team, warning), one commission (VT3001, Effectiveness, error).
    internal static readonly string Json = TestOrg.Doc(TestOrg.Structure + """
,
  "targets": [ { "id": "t1", "level": "individual", "metric": "revenue", "appliesTo": { "unitIds": ["u-sales"] } } ],
  "meetings": [ { "id": "m1", "purpose": "pipelineReview", "cadence": "weekly", "attendees": { "unitIds": ["u-sales"] } } ],
  "incentivePlans": [ { "id": "ip1", "type": "commission", "level": "individual", "participants": { "unitIds": ["u-sales"] } } ]
""");

    private static AnalysisResult Analyze(string config, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        options.Configuration = AnalyzerConfiguration.Parse(config, "/repo/.vertrieb40config");
        return OrganizationAnalyzer.Default.Analyze(TestOrg.Read(Json), options);
    }

    private static DiagnosticSeverity? SeverityOf(AnalysisResult r, string id) => r.Diagnostics.SingleOrDefault(d => d.Id == id)?.Severity;

    [Fact]
    public void Without_configuration_the_defaults_apply()
    {
        var r = Analyze("");
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(r, "VT1009"));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(r, "VT1010"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(r, "VT3001"));
    }

    [Fact]
    public void Id_beats_category_beats_all()
    {
        var r = Analyze("""
            vertrieb40_analyzer_diagnostic.severity = suggestion
            vertrieb40_analyzer_diagnostic.category-Team.severity = error
            vertrieb40_diagnostic.VT1010.severity = silent
            """);
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(r, "VT1009"));   // category
        Assert.Equal(DiagnosticSeverity.Hidden, SeverityOf(r, "VT1010"));  // id
        Assert.Equal(DiagnosticSeverity.Info, SeverityOf(r, "VT3001"));    // all
        Assert.DoesNotContain(r.Diagnostics, d => d.Id.StartsWith("VT02", StringComparison.Ordinal));
    }

    [Fact]
    public void Later_entry_wins_and_none_removes_the_diagnostic()
    {
        var r = Analyze("""
            vertrieb40_diagnostic.VT1009.severity = error
            vertrieb40_diagnostic.VT1009.severity = none
            [*.json]
            vertrieb40_diagnostic.VT3001.severity = warning   # a trailing comment
            """);
        Assert.Null(SeverityOf(r, "VT1009"));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(r, "VT3001"));
    }

    [Fact]
    public void Default_restores_the_descriptors_severity_over_a_broader_entry()
    {
        var r = Analyze("""
            vertrieb40_analyzer_diagnostic.severity = none
            vertrieb40_diagnostic.VT3001.severity = default
            """);
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(r, "VT3001"));
        Assert.Null(SeverityOf(r, "VT1009"));
    }

    [Theory]
    [InlineData("vertrieb40_diagnostic.VT9999.severity = error", "VT0200", 1)]
    [InlineData("vertrieb40_analyzer_diagnostic.category-Sales.severity = error", "VT0200", 1)]
    [InlineData("VT9998.limit = 3", "VT0200", 1)]
    [InlineData("vertrieb40_diagnostic.VT1009.level = error", "VT0201", 1)]
    [InlineData("dotnet_diagnostic.CA1000.severity = error", "VT0201", 1)]
    [InlineData("vertrieb40_diagnostic.VT1009.severity = loud", "VT0202", 41)]
    [InlineData("vertrieb40_diagnostic.VT0001.severity = none", "VT0204", 1)]
    [InlineData("this line has no equals sign", "VT0205", 1)]
    public void An_entry_without_effect_is_a_warning_naming_file_and_line(string line, string id, int column)
    {
        var r = Analyze("# comment\n\n" + line + "\n");
        var d = Assert.Single(r.Diagnostics, x => x.Id == id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("/repo/.vertrieb40config", d.Location.FilePath);
        Assert.Equal(3, d.Location.Span.StartLine);
        Assert.Equal(column, d.Location.Span.StartColumn);
        Assert.StartsWith("/repo/.vertrieb40config(3,", d.ToString(TestOrg.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Not_configurable_diagnostics_keep_their_severity_under_bulk_settings()
    {
        // An unknown property (VT0007, warning) in the document: bulk "none" must not hide it.
        var json = Json.Replace("\"schemaVersion\": \"1.1\"", "\"schemaVersion\": \"1.1\", \"colour\": 1", StringComparison.Ordinal);
        var options = new AnalysisOptions { Configuration = AnalyzerConfiguration.Parse("vertrieb40_analyzer_diagnostic.severity = none", "c") };
        var r = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json), options);
        Assert.Contains(r.Diagnostics, d => d.Id == "VT0007" && d.Severity == DiagnosticSeverity.Warning);
        Assert.DoesNotContain(r.Diagnostics, d => d.Id == "VT3001");
    }

    [Fact]
    public void Rule_options_from_the_file_reach_the_rules()
    {
        // Only forecast reviews count as control meetings now: the pipeline review is no longer reported.
        var r = Analyze("VT1010.purposes = forecastReview");
        Assert.Null(SeverityOf(r, "VT1010"));
    }

    [Fact]
    public void Direct_rule_options_win_over_the_file()
    {
        var options = new AnalysisOptions { RuleOptions = new RuleOptions(new Dictionary<string, string> { ["VT1010.purposes"] = "pipelineReview" }) };
        var r = Analyze("VT1010.purposes = forecastReview", options);
        Assert.NotNull(SeverityOf(r, "VT1010"));
    }

    [Fact]
    public void An_unparsable_rule_option_is_reported_at_its_value()
    {
        // Checked against the declaration before the run (VT0202), not discovered by the rule mid-run.
        var r = Analyze("\nVT1010.includeOneOff = maybe\n");
        var d = Assert.Single(r.Diagnostics, x => x.Id == "VT0202");
        Assert.Equal((2, 24), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Equal("Rule option 'VT1010.includeOneOff' has the value 'maybe', but expects true or false; the default false is used", d.GetMessage(TestOrg.English));
        Assert.Contains("maybe", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
        Assert.Contains("true oder false", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
        Assert.NotNull(SeverityOf(r, "VT1010")); // the default is used: the weekly pipeline review is still reported
    }

    [Fact]
    public void A_number_out_of_range_names_the_range()
    {
        var r = Analyze("VT1002.minHolders = 0");
        var d = Assert.Single(r.Diagnostics, x => x.Id == "VT0202");
        Assert.Equal("Rule option 'VT1002.minHolders' has the value '0', but expects a whole number of at least 1; the default 2 is used", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_misspelt_option_is_reported_at_its_key_with_the_closest_name()
    {
        var r = Analyze("\nVT1002.minHolder = 3\n");
        var d = Assert.Single(r.Diagnostics, x => x.Id == "VT0203");
        Assert.Equal((2, 1), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Equal("Rule option 'VT1002.minHolder' = '3' cannot be used: VT1002 has no option 'minHolder' (did you mean 'minHolders'?); the entry has no effect",
            d.GetMessage(TestOrg.English));
        Assert.Contains("gemeint ist vielleicht „minHolders“", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_far_from_every_name_lists_the_rule_options_and_a_rule_without_options_says_so()
    {
        var r = Analyze("VT1010.frequency = weekly\nVT1009.level = team");
        var messages = r.Diagnostics.Where(x => x.Id == "VT0203").Select(x => x.GetMessage(TestOrg.English)).ToList();
        Assert.Contains(messages, m => m.EndsWith("VT1010 has no option 'frequency' (its options: includeOneOff, purposes); the entry has no effect", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("VT1009 has no options; the entry has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_rule_id_given_directly_is_VT0200_with_the_closest_id()
    {
        var options = new AnalysisOptions { RuleOptions = new RuleOptions(new Dictionary<string, string> { ["VT1020.purposes"] = "pipelineReview", ["XY9999.a"] = "1" }) };
        var r = Analyze("", options);
        var messages = r.Diagnostics.Where(x => x.Id == "VT0200").Select(x => x.GetMessage(TestOrg.English)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("'VT1020.purposes' names 'VT1020', which is not the id or category of any loaded rule; the entry has no effect (did you mean 'VT1010'?)", messages);
        Assert.Contains(messages, m => m.Contains("names 'XY9999'", StringComparison.Ordinal) && !m.Contains("did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_severity_id_in_the_file_gets_the_closest_id()
    {
        var r = Analyze("vertrieb40_diagnostic.VT1090.severity = error");
        var d = Assert.Single(r.Diagnostics, x => x.Id == "VT0200");
        Assert.EndsWith("(did you mean 'VT1010'?)", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_promotes_all_or_the_listed_ids()
    {
        var all = Analyze("", new AnalysisOptions { WarningsAsErrors = true });
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(all, "VT1009"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(all, "VT1010"));

        var some = Analyze("", new AnalysisOptions { WarningsAsErrorsIds = new[] { "vt1010" } });
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(some, "VT1009"));
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(some, "VT1010"));
    }

    [Fact]
    public void Warnings_as_errors_does_not_promote_suggestions()
    {
        var r = Analyze("vertrieb40_diagnostic.VT1009.severity = suggestion", new AnalysisOptions { WarningsAsErrors = true });
        Assert.Equal(DiagnosticSeverity.Info, SeverityOf(r, "VT1009"));
    }

    [Fact]
    public void Discovery_walks_up_and_the_nearest_file_wins_until_root()
    {
        var top = Directory.CreateTempSubdirectory("v40cfg");
        var nested = Directory.CreateDirectory(Path.Combine(top.FullName, "a", "b"));
        File.WriteAllText(Path.Combine(top.FullName, ".vertrieb40config"), "root = true\nvertrieb40_diagnostic.VT1009.severity = error\nvertrieb40_diagnostic.VT1010.severity = error\n");
        File.WriteAllText(Path.Combine(top.FullName, "a", ".globalconfig"), "is_global = true\ndotnet_diagnostic.CA1000.severity = none\nvertrieb40_diagnostic.VT1010.severity = suggestion\n");
        var doc = Path.Combine(nested.FullName, "org.json");
        File.WriteAllText(doc, Json);

        var files = AnalyzerConfiguration.FindFiles(doc);
        Assert.Equal(2, files.Count);
        var r = OrganizationAnalyzer.Default.AnalyzeFile(doc, new AnalysisOptions { DiscoverConfiguration = true });
        Assert.Equal(DiagnosticSeverity.Error, SeverityOf(r, "VT1009"));
        Assert.Equal(DiagnosticSeverity.Info, SeverityOf(r, "VT1010"));
        // Keys of other tools in a .globalconfig are theirs, not ours to complain about.
        Assert.DoesNotContain(r.Diagnostics, d => d.Id.StartsWith("VT02", StringComparison.Ordinal));

        // Without discovery the files are not read.
        var plain = OrganizationAnalyzer.Default.AnalyzeFile(doc);
        Assert.Equal(DiagnosticSeverity.Warning, SeverityOf(plain, "VT1009"));
    }

    [Fact]
    public void An_unreadable_configuration_file_is_a_warning_not_an_exception()
    {
        var config = AnalyzerConfiguration.Load("/no/such/dir/.vertrieb40config");
        var d = Assert.Single(config.Problems);
        Assert.Equal("VT0205", d.Id);
    }

    [Fact]
    public void A_rule_disabled_by_default_reports_only_when_configured()
    {
        var rule = new DisabledRule();
        var analyzer = OrganizationAnalyzer.Create(new OrganizationRule[] { rule });
        var off = analyzer.Analyze(TestOrg.Read(Json), new AnalysisOptions());
        Assert.DoesNotContain(off.Diagnostics, d => d.Id == "TEST0001");
        var on = analyzer.Analyze(TestOrg.Read(Json), new AnalysisOptions { Configuration = AnalyzerConfiguration.Parse("vertrieb40_diagnostic.TEST0001.severity = warning") });
        Assert.Contains(on.Diagnostics, d => d.Id == "TEST0001" && d.Severity == DiagnosticSeverity.Warning);
    }

    [NRules.Fluent.Dsl.Name("TEST0001")]
    public sealed class DisabledRule : OrganizationRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new("TEST0001", "Test", "Meeting {0}", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];
        public override void Define()
        {
            AnalysisContext context = null!;
            Model.Meeting meeting = null!;
            Dependency().Resolve(() => context);
            When().Match(() => meeting);
            Then().Do(_ => context.Report(Descriptor, meeting, meeting.Id));
        }
    }
}
