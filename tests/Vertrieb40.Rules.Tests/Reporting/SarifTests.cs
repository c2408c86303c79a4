using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reporting;

public class SarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult());

    internal static AnalysisResult Analyze(string path) => OrganizationAnalyzer.Default.AnalyzeFile(path, new AnalysisOptions());

    internal static string Sarif(IReadOnlyList<AnalysisResult> results, CultureInfo? culture = null,
        IReadOnlyList<RuleSeverityOverride>? overrides = null, bool timings = false)
    {
        var sw = new StringWriter();
        new SarifReportWriter().Write(new ReportContext(results, OrganizationAnalyzer.Default.SupportedDiagnostics, culture ?? TestOrg.English)
        {
            BaseDirectory = SeedPaths.Root,
            SeverityOverrides = overrides ?? Array.Empty<RuleSeverityOverride>(),
            IncludeRuleTimings = timings,
        }, sw);
        return sw.ToString();
    }

    internal static void AssertValid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, "schema errors:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        AssertValidatorRules(JObject.Parse(sarif));
    }

    /// <summary>The SARIF validator's error rules (SARIF1xxx) that apply to this output, checked directly.</summary>
    private static void AssertValidatorRules(JObject log)
    {
        Assert.Contains("sarif-schema-2.1.0.json", (string?)log["$schema"]);                       // SARIF1011 final schema
        foreach (var run in log["runs"]!.Cast<JObject>())
        {
            var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
            Assert.Equal(rules.Count, rules.Select(r => (string?)r["id"]).Distinct().Count());
            var ours = (string?)run["tool"]!["driver"]!["name"] == "vertrieb40";
            foreach (var rule in rules)
            {
                if (rule["helpUri"] != null)
                    Assert.True(Uri.TryCreate((string?)rule["helpUri"], UriKind.Absolute, out _));      // SARIF1005 absolute URIs
                if (ours) Assert.False(string.IsNullOrEmpty((string?)rule["name"]));
                if (ours) Assert.False(string.IsNullOrEmpty((string?)rule["help"]?["text"]));            // GH2012 help for every rule
                if (ours) Assert.False(string.IsNullOrEmpty((string?)rule["help"]?["markdown"]));
            }
            if (ours) Assert.True(Uri.TryCreate((string?)run["tool"]!["driver"]!["informationUri"], UriKind.Absolute, out _));
            foreach (var result in run["results"]!.Cast<JObject>())
            {
                var index = (int)result["ruleIndex"]!;                                                  // SARIF1009 index in range
                Assert.InRange(index, 0, rules.Count - 1);
                Assert.Equal((string?)rules[index]["id"], (string?)result["ruleId"]);                   // SARIF1010 consistent rule id
                foreach (var loc in (result["locations"] ?? new JArray()).Concat(result["relatedLocations"] ?? new JArray()))
                {
                    var phys = loc["physicalLocation"];
                    if (phys is null) continue;
                    var uri = (string)phys["artifactLocation"]!["uri"]!;
                    Assert.DoesNotContain("\\", uri);
                    if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
                    {
                        // A file outside the source root: an absolute file URI and no base id.
                        Assert.Equal("file", absolute.Scheme);
                        Assert.Null(phys["artifactLocation"]!["uriBaseId"]);
                        continue;
                    }
                    Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _), uri);                      // SARIF1002/1004 relative with base id
                    Assert.Equal("SRCROOT", (string?)phys["artifactLocation"]!["uriBaseId"]);
                    var region = phys["region"];
                    if (region is null) continue;                                                       // SARIF1007 consistent region
                    Assert.True((int)region["endLine"]! >= (int)region["startLine"]!);
                    if ((int)region["endLine"]! == (int)region["startLine"]!)
                        Assert.True((int)region["endColumn"]! > (int)region["startColumn"]!);
                }
            }
        }
    }

    [Fact]
    public void Sarif_of_both_seeds_validates_against_the_official_schema()
    {
        AssertValid(Sarif(new[] { Analyze(SeedPaths.Classic) }));
        AssertValid(Sarif(new[] { Analyze(SeedPaths.Clean) }, CultureInfo.GetCultureInfo("de")));
        AssertValid(Sarif(new[] { Analyze(SeedPaths.Classic), Analyze(SeedPaths.Clean) }, timings: true));
    }

    [Fact]
    public void Sarif_of_every_seed_validates_in_both_languages()
    {
        var seeds = Directory.GetFiles(SeedPaths.Seeds, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(seeds.Count >= 2);
        foreach (var seed in seeds)
            foreach (var culture in new[] { "en", "de" })
                AssertValid(Sarif(new[] { Analyze(seed) }, CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void The_schema_check_can_fail()
    {
        var log = JObject.Parse(Sarif(new[] { Analyze(SeedPaths.Classic) }));
        log["runs"]![0]!["results"]![0]!["level"] = "severe";
        Assert.NotEmpty(Schema.Value.Validate(log.ToString()));
    }

    [Fact]
    public void Driver_rules_and_results_carry_what_tools_need()
    {
        var log = JObject.Parse(Sarif(new[] { Analyze(SeedPaths.Classic) }));
        var driver = log["runs"]![0]!["tool"]!["driver"]!;
        Assert.Equal("vertrieb40", (string?)driver["name"]);
        Assert.False(string.IsNullOrEmpty((string?)driver["semanticVersion"]));
        var rule = driver["rules"]!.Single(r => (string?)r["id"] == "VT3001");
        Assert.Equal("error", (string?)rule["defaultConfiguration"]!["level"]);
        Assert.Equal("Effectiveness", (string?)rule["properties"]!["category"]);
        Assert.Null(rule["helpUri"]); // no link unless --rule-link-base says where the pages are published
        Assert.False(string.IsNullOrEmpty((string?)rule["fullDescription"]!["text"]));
        Assert.Contains("Effectiveness", rule["properties"]!["tags"]!.Select(t => (string?)t));

        var result = log["runs"]![0]!["results"]!.First(r => (string?)r["ruleId"] == "VT3001");
        var expected = Analyze(SeedPaths.Classic).Diagnostics.First(d => d.Id == "VT3001").Location;
        Assert.Equal("error", (string?)result["level"]);
        var loc = result["locations"]![0]!;
        Assert.Equal("seeds/classic-sales-org.json", (string?)loc["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(expected.Span.StartLine, (int)loc["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal(expected.Span.StartColumn, (int)loc["physicalLocation"]!["region"]!["startColumn"]!);
        Assert.Equal(expected.Span.EndColumn + 1, (int)loc["physicalLocation"]!["region"]!["endColumn"]!); // SARIF's end is exclusive
        Assert.Equal("/incentivePlans/0", (string?)loc["logicalLocations"]![0]!["fullyQualifiedName"]);
        Assert.Equal("ip-commission", (string?)loc["logicalLocations"]![0]!["name"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)result["partialFingerprints"]![SarifReportWriter.FingerprintKey]);
        Assert.True((bool)log["runs"]![0]!["invocations"]![0]!["executionSuccessful"]!);
        Assert.Null(log["runs"]![0]!["properties"]!["ruleTimings"]); // only on request: timings are not deterministic
        Assert.Equal("note", SarifReportWriter.Level(DiagnosticSeverity.Info));
        Assert.Equal("none", SarifReportWriter.Level(DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void Fingerprints_survive_reformatting_and_moving_entities()
    {
        var json = File.ReadAllText(SeedPaths.Classic);
        var compact = JObject.Parse(json).ToString(Newtonsoft.Json.Formatting.None);
        string Fp(string doc) => (string)JObject.Parse(Sarif(new[] { TestOrg.Analyze(doc) }))["runs"]![0]!["results"]!
            .First(r => (string?)r["ruleId"] == "VT3001")["partialFingerprints"]![SarifReportWriter.FingerprintKey]!;
        Assert.Equal(Fp(json), Fp(compact));
        Assert.NotEqual(Fp(json), Fp(json.Replace("\"ip-commission\"", "\"ip-commission-2\"")));
    }

    [Fact]
    public void Suppressions_baseline_states_and_overrides_are_written()
    {
        var r = Analyze(SeedPaths.Classic);
        var changed = r.Diagnostics.Select((d, i) => i switch
        {
            0 => d.WithSuppression(true, "The works council agreed to phase it out by 2027."),
            1 => d.WithSuppression(true, "Decided in the suppressions file.").WithProperty("suppressionKind", "external"),
            2 => d.WithProperty("baselineState", "unchanged"),
            3 => d.WithProperty("baselineState", "absent"),
            _ => d.WithProperty("baselineState", "new"),
        }).ToList();
        var result = r.WithDiagnostics(changed);
        var sarif = Sarif(new[] { result }, overrides: new[]
        {
            new RuleSeverityOverride("VT1009", DiagnosticSeverity.Error, Source: ".vertrieb40config"),
            new RuleSeverityOverride("VT1010", DiagnosticSeverity.Info, Enabled: false),
            new RuleSeverityOverride("VT9999", DiagnosticSeverity.Warning),
        }, timings: true);
        AssertValid(sarif);
        var run = JObject.Parse(sarif)["runs"]![0]!;
        var results = run["results"]!.ToList();
        Assert.Equal("inSource", (string?)results[0]["suppressions"]![0]!["kind"]);
        Assert.Equal("The works council agreed to phase it out by 2027.", (string?)results[0]["suppressions"]![0]!["justification"]);
        Assert.Equal("external", (string?)results[1]["suppressions"]![0]!["kind"]);
        Assert.Equal("unchanged", (string?)results[2]["baselineState"]);
        Assert.Equal("absent", (string?)results[3]["baselineState"]);
        Assert.Equal("new", (string?)results[4]["baselineState"]);
        Assert.Null(results[2]["suppressions"]);

        var invocation = run["invocations"]![0]!;
        var overrides = invocation["ruleConfigurationOverrides"]!.ToList();
        Assert.Equal(2, overrides.Count); // the unknown rule cannot be referenced...
        Assert.Equal("VT1009", (string?)overrides[0]["descriptor"]!["id"]);
        Assert.Equal("error", (string?)overrides[0]["configuration"]!["level"]);
        Assert.False((bool)overrides[1]["configuration"]!["enabled"]!);
        var rules = run["tool"]!["driver"]!["rules"]!;
        Assert.Equal("VT1009", (string?)rules[(int)overrides[0]["descriptor"]!["index"]!]!["id"]);
        // ...so it becomes a warning notification.
        Assert.Contains(invocation["toolConfigurationNotifications"]!, n => (string?)n["level"] == "warning" && ((string)n["message"]!["text"]!).Contains("VT9999"));
        Assert.NotEmpty(run["properties"]!["ruleTimings"]!);
    }

    [Fact]
    public void A_finding_on_a_persons_entry_does_not_name_the_person()
    {
        var r = Analyze(SeedPaths.Clean);
        var onPerson = Diagnostic.Create(Scoring.ScoreTests.TeamRule, new Location(SeedPaths.Clean, "/people/3", new LineSpan(40, 5, 44, 5), "people", "p-secret-17"), "x");
        var result = r.WithDiagnostics(r.Diagnostics.Append(onPerson).ToList());
        var sarif = Sarif(new[] { result });
        AssertValid(sarif);
        Assert.DoesNotContain("p-secret-17", sarif);
        Assert.Contains("/people/3", sarif);
    }

    [Fact]
    public void Input_errors_make_the_execution_unsuccessful_and_still_validate()
    {
        var dir = Directory.CreateTempSubdirectory();
        var bad = Path.Combine(dir.FullName, "bad file.json");
        File.WriteAllText(bad, "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }");
        var sarif = Sarif(new[] { Analyze(bad) });
        AssertValid(sarif);
        var run = JObject.Parse(sarif)["runs"]![0]!;
        Assert.False((bool)run["invocations"]![0]!["executionSuccessful"]!);
        Assert.Contains("bad%20file.json", (string?)run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
    }

    [Fact]
    public void Sarif_is_byte_identical_for_the_same_input()
        => Assert.Equal(Sarif(new[] { Analyze(SeedPaths.Classic) }), Sarif(new[] { Analyze(SeedPaths.Classic) }));

    [Fact]
    public void Merging_shards_deduplicates_rules_and_reindexes_results()
    {
        var a = JObject.Parse(Sarif(new[] { Analyze(SeedPaths.Classic) }));
        var b = JObject.Parse(Sarif(new[] { Analyze(SeedPaths.Clean) }));
        // A shard whose tool knew fewer rules: its indexes differ from the merged list.
        var small = (JObject)a.DeepClone();
        var smallRules = small["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        var keep = smallRules.Where(r => ((string)r["id"]!).StartsWith("VT1", StringComparison.Ordinal) || ((string)r["id"]!).StartsWith("VT3", StringComparison.Ordinal)).ToList();
        small["runs"]![0]!["tool"]!["driver"]!["rules"] = new JArray(keep);
        foreach (var res in small["runs"]![0]!["results"]!)
            res["ruleIndex"] = keep.FindIndex(r => (string?)r["id"] == (string?)res["ruleId"]);

        var merged = SarifMerge.Merge(new[] { a, b, small });
        var text = merged.ToString();
        AssertValid(text);
        var run = merged["runs"]!.Single();
        var rules = run["tool"]!["driver"]!["rules"]!;
        Assert.Equal(rules.Count(), rules.Select(r => (string?)r["id"]).Distinct().Count());
        Assert.Equal(a["runs"]![0]!["results"]!.Count() * 2 + b["runs"]![0]!["results"]!.Count(), run["results"]!.Count());
        Assert.Equal(3, run["invocations"]!.Count());
        Assert.Equal(3, run["properties"]!["vertrieb40Scores"]!.Count());
    }

    [Fact]
    public void Merging_logs_of_different_tools_keeps_one_run_per_tool()
    {
        var ours = JObject.Parse(Sarif(new[] { Analyze(SeedPaths.Classic) }));
        var other = JObject.Parse("""
            { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "other-tool", "rules": [ { "id": "X1" }, { "id": "X0" } ] } },
              "results": [ { "ruleId": "X1", "ruleIndex": 0, "message": { "text": "One." } }, { "ruleIndex": 1, "message": { "text": "Zero." } } ] } ] }
            """);
        var merged = SarifMerge.Merge(new[] { ours, other });
        AssertValid(merged.ToString());
        var runs = merged["runs"]!.ToList();
        Assert.Equal(new[] { "vertrieb40", "other-tool" }, runs.Select(r => (string?)r["tool"]!["driver"]!["name"]));
        var otherResults = runs[1]["results"]!.ToList();
        // Rules are sorted (X0, X1); results keep their rule through the new indexes, also when only the index was given.
        Assert.Equal(1, (int)otherResults[0]["ruleIndex"]!);
        Assert.Equal("X0", (string?)otherResults[1]["ruleId"]);
        Assert.Equal(0, (int)otherResults[1]["ruleIndex"]!);
        Assert.Throws<InvalidDataException>(() => SarifMerge.Merge(new[] { new JObject { ["version"] = "2.0.0" } }));
    }

    [Fact]
    public void Cli_writes_sarif_and_merges_logs()
    {
        var dir = Directory.CreateTempSubdirectory();
        string P(string name) => Path.Combine(dir.FullName, name);
        var o = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "analyze", SeedPaths.Classic, "--format", "sarif", "--output", P("a.sarif") }, o, o));
        Assert.Equal(0, Program.Run(new[] { "analyze", SeedPaths.Clean, "--format", "sarif", "--output", P("b.sarif") }, o, o));
        Assert.Equal(0, Program.Run(new[] { "sarif", "merge", P("a.sarif"), P("b.sarif"), "-o", P("all.sarif") }, o, o));
        var merged = File.ReadAllText(P("all.sarif"));
        AssertValid(merged);
        Assert.Equal(JObject.Parse(File.ReadAllText(P("a.sarif")))["runs"]![0]!["results"]!.Count(), JObject.Parse(merged)["runs"]![0]!["results"]!.Count());
        Assert.Equal(2, Program.Run(new[] { "sarif", "merge", P("missing.sarif"), "-o", P("x.sarif") }, o, o));
        Assert.Equal(2, Program.Run(new[] { "sarif", "split" }, o, o));
    }
}
