using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Vertrieb40.Rules.Tests.Reporting;

/// <summary>
/// SARIF as GitHub code scanning reads it: help for every rule, links only where the pages are published, the
/// line hash GitHub's upload action computes (so it accepts ours without a warning), alerts that keep their
/// identity when entities move, regions on the offending property, paths relative to the source root, and
/// Microsoft's SARIF multitool with the GitHub rules on every seed.
/// </summary>
[Trait("Category", "Slow")] // the SARIF multitool (a separate process): run after the fast lane (.ci/run)
public class GitHubSarifTests(ITestOutputHelper output)
{
    private static readonly string FixtureDir = Path.Combine(SeedPaths.Root, "tests", "Vertrieb40.Rules.Tests", "Reporting", "LineHashFixtures");

    private static string Sarif(IReadOnlyList<AnalysisResult> results, CultureInfo? culture = null, string? linkBase = null, string? category = null)
    {
        var sw = new StringWriter();
        new SarifReportWriter().Write(new ReportContext(results, OrganizationAnalyzer.Default.SupportedDiagnostics, culture ?? TestOrg.English)
        {
            BaseDirectory = SeedPaths.Root,
            RuleLinkBase = linkBase,
            AutomationCategory = category ?? "default",
        }, sw);
        return sw.ToString();
    }

    // The expected values were produced by the upload action's own hash function (github/codeql-action,
    // src/fingerprints.ts at commit 0225834cc549ee0ca93cb085b92954821a145866) run with Node.js on these fixtures:
    // LF with tabs and blank lines, CRLF with a lone CR, and a UTF-8 byte-order mark with umlauts and an emoji.
    [Theory]
    [InlineData("lf.txt")]
    [InlineData("crlf.txt")]
    [InlineData("bom-umlaut.json")]
    public void Line_hash_equals_the_upload_actions_value_on_every_line(string fixture)
    {
        var expected = File.ReadAllLines(Path.Combine(FixtureDir, fixture + ".hashes"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' '))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => p[1]);
        Assert.NotEmpty(expected);
        var actual = GitHubLineHash.OfFile(Path.Combine(FixtureDir, fixture), expected.Keys.ToHashSet());
        Assert.Equal(expected.OrderBy(k => k.Key), actual.OrderBy(k => k.Key));
    }

    [Fact]
    public void Every_result_carries_githubs_line_hash_of_its_start_line_and_our_entity_key()
    {
        var log = JObject.Parse(Sarif(new[] { SarifTests.Analyze(SeedPaths.Classic) }));
        var results = log["runs"]![0]!["results"]!.ToList();
        var lines = results.Select(r => (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!).ToHashSet();
        var hashes = GitHubLineHash.OfFile(SeedPaths.Classic, lines);
        foreach (var r in results)
        {
            var line = (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!;
            Assert.Equal(hashes[line], (string?)r["partialFingerprints"]![SarifReportWriter.GitHubLineHashKey]);
            Assert.Matches("^[0-9a-f]{32}$", (string?)r["partialFingerprints"]![SarifReportWriter.FingerprintKey]);
        }
    }

    [Fact]
    public void Moving_entities_in_the_document_keeps_each_alerts_fingerprints()
    {
        // The meetings and the incentive plans in reverse order: every finding keeps both fingerprints, so GitHub
        // sees the same alerts (its line hash covers the offending property and the rest of its own entity).
        var original = File.ReadAllText(SeedPaths.Classic);
        var doc = JObject.Parse(original);
        foreach (var collection in new[] { "meetings", "incentivePlans", "approvalPolicies" })
            doc[collection] = new JArray(((JArray)doc[collection]!).Reverse());
        var dir = Directory.CreateTempSubdirectory("vertrieb40-reorder-");
        var before = Path.Combine(dir.FullName, "before", "org.json");
        var after = Path.Combine(dir.FullName, "after", "org.json");
        Directory.CreateDirectory(Path.GetDirectoryName(before)!);
        Directory.CreateDirectory(Path.GetDirectoryName(after)!);
        File.WriteAllText(before, JObject.Parse(original).ToString());
        File.WriteAllText(after, doc.ToString());

        Dictionary<string, string> Fingerprints(string path)
        {
            var sw = new StringWriter();
            new SarifReportWriter().Write(new ReportContext(new[] { SarifTests.Analyze(path) }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English)
            { BaseDirectory = Path.GetDirectoryName(path) }, sw);
            return JObject.Parse(sw.ToString())["runs"]![0]!["results"]!
                .Where(r => (string?)r["ruleId"] is "VT1010" or "VT3001" or "VT3006" or "VT3007" or "VT3008")
                .ToDictionary(r => (string)r["partialFingerprints"]![SarifReportWriter.FingerprintKey]!,
                              r => (string)r["partialFingerprints"]![SarifReportWriter.GitHubLineHashKey]!);
        }

        var a = Fingerprints(before);
        var b = Fingerprints(after);
        Assert.True(a.Count >= 7, "expected the control meetings, plans and policies to be reported");
        Assert.Equal(a.OrderBy(k => k.Key), b.OrderBy(k => k.Key));
    }

    [Fact]
    public void Reordered_hr_export_keeps_each_findings_entity_key()
    {
        var csv = Path.Combine(SeedPaths.Seeds, "hr-export.csv");
        var lines = File.ReadAllLines(csv, Encoding.UTF8);
        var dir = Directory.CreateTempSubdirectory("vertrieb40-hr-reorder-");
        var reordered = Path.Combine(dir.FullName, "hr-export.csv");
        // The single-line rows in reverse order; the last rows (quoted fields, one spanning two lines) stay last.
        var quoted = Array.FindIndex(lines, l => l.Contains('"', StringComparison.Ordinal));
        Assert.True(quoted > 10);
        File.WriteAllLines(reordered, lines.Take(1).Concat(lines[1..quoted].Reverse()).Concat(lines[quoted..]), new UTF8Encoding(false));
        File.Copy(Path.Combine(SeedPaths.Seeds, "hr-export.practices.json"), Path.Combine(dir.FullName, "hr-export.practices.json"));

        // Each finding's entity key AND GitHub's primaryLocationLineHash (which GitHub matches alerts by) stay the same.
        static List<string> Keys(string path) => JObject.Parse(Sarif(new[] { SarifTests.Analyze(path) }))["runs"]![0]!["results"]!
            .Select(r => (string)r["ruleId"]! + " " + (string)r["partialFingerprints"]![SarifReportWriter.FingerprintKey]!
                         + " " + (string?)r["partialFingerprints"]![SarifReportWriter.GitHubLineHashKey])
            .Order(StringComparer.Ordinal).ToList();

        var a = Keys(csv);
        Assert.NotEmpty(a);
        Assert.Contains(a, k => k.StartsWith("VT0302 ", StringComparison.Ordinal)); // a finding located at a person's row
        Assert.All(a, k => Assert.False(k.EndsWith(' '), "every result has a line hash: " + k));
        Assert.Equal(a, Keys(reordered));
    }

    [Fact]
    public void An_hr_exports_line_hash_is_the_actions_algorithm_over_the_row_alone()
    {
        // The action's own value would read on into the next rows (100 characters): reordering rows would change it.
        var csv = Path.Combine(SeedPaths.Seeds, "hr-export.csv");
        var lines = File.ReadAllLines(csv, Encoding.UTF8);
        var hashes = GitHubLineHash.OfRecordsFile(csv, new HashSet<int> { 1, 55 });
        Assert.Equal(GitHubLineHash.Of(lines[0], new HashSet<int> { 1 })[1], hashes[1]);
        Assert.Equal(GitHubLineHash.Of(lines[54], new HashSet<int> { 1 })[1], hashes[55]);
        Assert.EndsWith(":1", hashes[55]);
        Assert.NotEqual(GitHubLineHash.OfFile(csv, new HashSet<int> { 55 })[55], hashes[55]);
    }

    [Fact]
    public void Rules_carry_help_from_the_rule_pages_and_a_link_only_with_a_link_base()
    {
        var results = new[] { SarifTests.Analyze(SeedPaths.Classic) };
        var en = JObject.Parse(Sarif(results));
        var rule = en["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single(r => (string?)r["id"] == "VT3001");
        Assert.Contains("## How to fix", (string?)rule["help"]!["markdown"]);
        Assert.Contains("Abolish the plan", (string?)rule["help"]!["text"]);
        Assert.DoesNotContain("## ", (string?)rule["help"]!["text"]);
        Assert.Null(rule["helpUri"]);
        Assert.Equal("error", (string?)rule["defaultConfiguration"]!["level"]);

        var de = JObject.Parse(Sarif(results, CultureInfo.GetCultureInfo("de")));
        var ruleDe = de["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single(r => (string?)r["id"] == "VT3001");
        Assert.DoesNotContain("## How to fix", (string?)ruleDe["help"]!["markdown"]);
        Assert.Contains("Provision", (string?)ruleDe["help"]!["markdown"], StringComparison.OrdinalIgnoreCase);

        var linked = JObject.Parse(Sarif(results, linkBase: "https://example.org/v40/rules"));
        var ruleLinked = linked["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single(r => (string?)r["id"] == "VT3001");
        Assert.Equal("https://example.org/v40/rules/VT3001.md", (string?)ruleLinked["helpUri"]);
    }

    [Fact]
    public void Run_names_its_source_root_working_directory_and_automation_id()
    {
        var run = JObject.Parse(Sarif(new[] { SarifTests.Analyze(SeedPaths.Classic) }, category: "strict"))["runs"]![0]!;
        Assert.Equal(new Uri(SeedPaths.Root + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
        Assert.EndsWith("/", (string?)run["invocations"]![0]!["workingDirectory"]!["uri"]);
        Assert.Equal("vertrieb40/strict/", (string?)run["automationDetails"]!["id"]);
    }

    [Fact]
    public void Artifact_uris_are_relative_to_the_source_root_however_the_input_was_named()
    {
        var absolute = SarifTests.Analyze(SeedPaths.Classic);
        var relativeName = Path.GetRelativePath(Directory.GetCurrentDirectory(), SeedPaths.Classic);
        var relative = SarifTests.Analyze(relativeName);
        string Uri(AnalysisResult r) => (string)JObject.Parse(Sarif(new[] { r }))["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!;
        Assert.Equal("seeds/classic-sales-org.json", Uri(absolute));
        Assert.Equal("seeds/classic-sales-org.json", Uri(relative));
    }

    [Fact]
    public void Source_root_defaults_to_the_git_work_tree()
    {
        var dir = Directory.CreateTempSubdirectory("vertrieb40-git-");
        Directory.CreateDirectory(Path.Combine(dir.FullName, ".git"));
        var nested = Directory.CreateDirectory(Path.Combine(dir.FullName, "org", "data")).FullName;
        Assert.Equal(dir.FullName, ReportOptions.GitWorkTreeRoot(nested));
        var plain = Directory.CreateTempSubdirectory("vertrieb40-nogit-").FullName;
        // A temp folder is not inside a work tree (unless the machine's temp folder is, which it is not here).
        Assert.Null(ReportOptions.GitWorkTreeRoot(plain));
    }

    [Fact]
    public void Cli_source_root_option_sets_the_base_of_artifact_uris()
    {
        var dir = Directory.CreateTempSubdirectory("vertrieb40-srcroot-");
        var outFile = Path.Combine(dir.FullName, "out.sarif");
        var o = new StringWriter();
        var code = Program.Run(new[] { "analyze", SeedPaths.Classic, "--format", "sarif", "--source-root", SeedPaths.Seeds, "--output", outFile }, o, new StringWriter());
        Assert.Equal(1, code);
        var run = JObject.Parse(File.ReadAllText(outFile))["runs"]![0]!;
        Assert.Equal("classic-sales-org.json", (string?)run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(new Uri(SeedPaths.Seeds + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
    }

    [Fact]
    public void Region_is_the_offending_property_with_the_entity_as_context_in_sarif_text_and_json()
    {
        var result = SarifTests.Analyze(SeedPaths.Classic);
        var d = result.Diagnostics.First(x => x.Id == "VT3001");
        var lines = File.ReadAllLines(SeedPaths.Classic);
        var line = lines[d.Location.Span.StartLine - 1];
        Assert.Equal("\"type\": \"commission\"", line.Substring(d.Location.Span.StartColumn - 1, d.Location.Span.EndColumn - d.Location.Span.StartColumn + 1));
        Assert.True(d.Location.ContextSpan.StartLine < d.Location.Span.StartLine);

        var sarif = JObject.Parse(Sarif(new[] { result }))["runs"]![0]!["results"]!.First(r => (string?)r["ruleId"] == "VT3001");
        var phys = sarif["locations"]![0]!["physicalLocation"]!;
        Assert.Equal(d.Location.Span.StartLine, (int)phys["region"]!["startLine"]!);
        Assert.Equal(d.Location.Span.EndLine, (int)phys["region"]!["endLine"]!);
        Assert.Equal(d.Location.ContextSpan.StartLine, (int)phys["contextRegion"]!["startLine"]!);
        Assert.Equal(d.Location.ContextSpan.EndLine, (int)phys["contextRegion"]!["endLine"]!);

        var text = new StringWriter();
        new TextReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), text);
        Assert.Contains($"classic-sales-org.json({d.Location.Span.StartLine},{d.Location.Span.StartColumn}): error VT3001", text.ToString());

        var json = new StringWriter();
        new JsonReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), json);
        var jd = JObject.Parse(json.ToString())["files"]![0]!["diagnostics"]!.First(x => (string?)x["id"] == "VT3001");
        Assert.Equal(d.Location.Span.StartLine, (int)jd["location"]!["line"]!);
        Assert.Equal(d.Location.Span.StartColumn, (int)jd["location"]!["column"]!);
        Assert.Equal(d.Location.ContextSpan.StartLine, (int)jd["location"]!["context"]!["line"]!);
    }

    // Microsoft's SARIF multitool (npm @microsoft/sarif-multitool 5.7.0, installed by .ci/run into
    // /opt/sarif-multitool) with the GitHub ingestion rules: no error and no warning on any seed, in either language.
    private static readonly string MultitoolPath = Environment.GetEnvironmentVariable("VERTRIEB40_SARIF_MULTITOOL") is { Length: > 0 } p
        ? p : "/opt/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";

    [SkippableFact]
    public void Multitool_with_github_rules_reports_nothing_on_any_seed()
    {
        if (!File.Exists(MultitoolPath))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true",
                $"{MultitoolPath} is missing in CI; .ci/run installs @microsoft/sarif-multitool@5.7.0 into /opt/sarif-multitool.");
            Skip.If(true, $"{MultitoolPath} is not installed (npm install --prefix /opt/sarif-multitool @microsoft/sarif-multitool@5.7.0); skipped outside CI.");
        }
        var dir = Directory.CreateTempSubdirectory("vertrieb40-multitool-");
        var seeds = Directory.GetFiles(SeedPaths.Seeds).Where(f => f.EndsWith(".csv", StringComparison.Ordinal)
            || (f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".practices.json", StringComparison.Ordinal) && !f.EndsWith(".expected.json", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(seeds.Count >= 4);
        var files = new List<string>();
        foreach (var seed in seeds)
            foreach (var culture in new[] { "en", "de" })
            {
                var log = Path.Combine(dir.FullName, Path.GetFileNameWithoutExtension(seed) + "." + culture + ".sarif");
                var results = new[] { OrganizationAnalyzer.Default.AnalyzeFile(seed, new AnalysisOptions()) };
                File.WriteAllText(log, Sarif(results, CultureInfo.GetCultureInfo(culture)), new UTF8Encoding(false));
                files.Add(log);
            }

        var report = Path.Combine(dir.FullName, "validation.sarif");
        var psi = new ProcessStartInfo(MultitoolPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "validate", "--rule-kind", "Sarif;Gh", "--output", report }.Concat(files)) psi.ArgumentList.Add(a);
        // The multitool is a .NET app; without ICU on the machine it still runs in invariant mode.
        psi.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var proc = Process.Start(psi)!;
        var stdout = proc.StandardOutput.ReadToEndAsync();
        var stderr = proc.StandardError.ReadToEndAsync();
        Assert.True(proc.WaitForExit(300_000), "the multitool did not finish within 5 minutes");
        output.WriteLine(stdout.Result);
        output.WriteLine(stderr.Result);
        Assert.True(File.Exists(report), "the multitool wrote no validation log: " + stdout.Result + stderr.Result);
        var findings = JObject.Parse(File.ReadAllText(report))["runs"]!.SelectMany(r => r["results"] ?? new JArray())
            .Where(r => (string?)r["level"] is null or "error" or "warning")
            .Select(r => (string?)r["ruleId"] + ": " + (string?)r["message"]?["text"] + " " + string.Join(",", (r["message"]?["arguments"] ?? new JArray()).Select(a => (string?)a)))
            .ToList();
        Assert.True(findings.Count == 0, "multitool findings:\n" + string.Join("\n", findings));
        output.WriteLine($"multitool: {files.Count} logs, 0 errors, 0 warnings");
    }
}
