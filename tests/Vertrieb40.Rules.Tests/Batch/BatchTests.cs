using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Batch;

public class GlobTests
{
    [Theory]
    [InlineData("*.json", "a.json", true)]
    [InlineData("*.json", "sub/a.json", false)]
    [InlineData("**/*.json", "a.json", true)]
    [InlineData("**/*.json", "x/y/a.json", true)]
    [InlineData("x/**/a.csv", "x/a.csv", true)]
    [InlineData("x/**/a.csv", "y/x/a.csv", false)]
    [InlineData("a?.csv", "ab.csv", true)]
    [InlineData("a?.csv", "a.csv", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxc", false)]
    public void Patterns_match_segments(string pattern, string path, bool expected)
        => Assert.Equal(expected, Glob.IsMatch(pattern.Split('/'), path.Split('/')));

    [Fact]
    public void Expansion_finds_files_below_the_fixed_prefix_in_ordinal_order()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(root, "b", "c"));
        foreach (var f in new[] { "z.json", "a.csv", "b/x.json", "b/c/y.json", "b/c/y.txt" }) File.WriteAllText(Path.Combine(root, f), "");
        Assert.Equal(new[] { root + "/b/c/y.json", root + "/b/x.json", root + "/z.json" }, Glob.Expand(root + "/**/*.json"));
        Assert.Equal(new[] { root + "/z.json" }, Glob.Expand(root + "/*.json"));
    }
}

public class ShardTests
{
    [Fact]
    public void Shards_partition_the_inputs_and_do_not_depend_on_the_other_inputs()
    {
        var keys = Enumerable.Range(0, 500).Select(i => $"exports/{i % 7}/org-{i}.csv").ToList();
        var shards = Enumerable.Range(0, 4).Select(i => keys.Where(new Shard(i, 4).Contains).ToList()).ToList();
        Assert.Equal(keys.Count, shards.Sum(s => s.Count));
        Assert.Equal(keys.OrderBy(k => k), shards.SelectMany(s => s).OrderBy(k => k));
        Assert.All(shards, s => Assert.InRange(s.Count, 80, 170)); // roughly even
        // Stable: a file's shard is a function of its path alone (not of its index in the list).
        Assert.Equal(Shard.BucketOf("exports/3/org-10.csv", 4), Shard.BucketOf("exports/3/org-10.csv", 4));
        var fewer = keys.Skip(100).Where(new Shard(2, 4).Contains);
        Assert.Equal(shards[2].Where(k => keys.IndexOf(k) >= 100), fewer);
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1")]
    [InlineData("-1/3")]
    [InlineData("a/b")]
    [InlineData("0/0")]
    public void Bad_shards_are_usage_errors(string text) => Assert.Throws<UsageException>(() => Shard.Parse(text));
}

public class ReportNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "etc/passwd.report.txt")]
    [InlineData("/etc/passwd", "etc/passwd.report.txt")]
    [InlineData("a/./b/../c.json", "a/b/c.json.report.txt")]
    [InlineData("..", "input.report.txt")]
    [InlineData("C:/x/y.csv", "C_/x/y.csv.report.txt")]
    [InlineData("a/.../b.json", "a/_/b.json.report.txt")]
    public void Names_stay_inside_the_output_directory(string key, string expected)
    {
        var dir = Path.Combine(Path.GetTempPath(), "v40-out");
        var name = ReportNames.For(dir, key, "text", new HashSet<string>());
        Assert.Equal(Path.Combine(dir, expected), name);
        Assert.StartsWith(Path.GetFullPath(dir) + Path.DirectorySeparatorChar, Path.GetFullPath(name));
    }

    [Fact]
    public void Colliding_names_get_a_suffix()
    {
        var taken = new HashSet<string>();
        var a = ReportNames.For("/tmp/o", "../x.json", "json", taken);
        var b = ReportNames.For("/tmp/o", "x.json", "json", taken);
        Assert.Equal("/tmp/o/x.json.report.json", a);
        Assert.Equal("/tmp/o/x.json.report~2.json", b);
    }
}

public class BatchRunnerTests
{
    private static InputFile In(string name) => new(name, "/" + name, name);

    [Fact]
    public void A_failing_file_is_reported_and_the_others_are_analysed_in_input_order()
    {
        var inputs = Enumerable.Range(0, 6).Select(i => In(i == 3 ? "bad" : "f" + i)).ToList();
        var outcomes = BatchRunner.Run(inputs, 3, i =>
        {
            if (i.Path == "bad") throw new InvalidOperationException("boom");
            return OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Clean);
        }, null, CancellationToken.None);
        Assert.Equal(inputs, outcomes.Select(o => o.Input));
        Assert.IsType<InvalidOperationException>(outcomes[3].Failure);
        Assert.All(outcomes.Where((_, i) => i != 3), o => Assert.NotNull(o.Result));
    }

    [Fact]
    public void After_cancellation_no_new_file_is_started()
    {
        using var cts = new CancellationTokenSource();
        var inputs = Enumerable.Range(0, 5).Select(i => In("f" + i)).ToList();
        var outcomes = BatchRunner.Run(inputs, 1, _ =>
        {
            cts.Cancel(); // Ctrl+C while the first file runs
            return OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Clean);
        }, null, cts.Token);
        Assert.True(outcomes[0].Started);
        Assert.NotNull(outcomes[0].Result); // the running file finished
        Assert.All(outcomes.Skip(1), o => Assert.False(o.Started));
    }
}

public class BatchCliTests
{
    private static (int Code, string Out, string Err) Run(CliEnvironment env, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e, env);
        return (code, o.ToString(), e.ToString());
    }

    private static string Batch()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(dir, "in", "deep"));
        foreach (var f in new[] { "classic-sales-org.json", "vertrieb40-org.json", "hr-export.csv", "hr-export.practices.json" })
            File.Copy(Path.Combine(SeedPaths.Seeds, f), Path.Combine(dir, "in", f));
        File.Copy(SeedPaths.Classic, Path.Combine(dir, "in", "deep", "copy.json"));
        File.WriteAllText(Path.Combine(dir, "in", "deep", "broken.json"), "{ \"schemaVersion\": ");
        return dir;
    }

    [Fact]
    public void Output_dir_gets_one_report_per_input_and_a_summary_and_side_files_are_skipped()
    {
        var dir = Batch();
        var cwd = Directory.GetCurrentDirectory();
        var (code, output, err) = Run(CliEnvironment.Default, "analyze", Path.Combine(dir, "in"), "--recursive", "--output-dir", Path.Combine(dir, "out"), "--culture", "en");
        Assert.Equal(2, code); // broken.json is an input error; the batch went on
        var reports = Directory.GetFiles(Path.Combine(dir, "out"), "*.report.txt", SearchOption.AllDirectories).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "broken.json.report.txt", "classic-sales-org.json.report.txt", "copy.json.report.txt", "hr-export.csv.report.txt", "vertrieb40-org.json.report.txt" }, reports);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "out"), "*.tmp", SearchOption.AllDirectories));
        var summary = File.ReadAllText(Path.Combine(dir, "out", "summary.txt"));
        Assert.Equal(summary, output);
        Assert.Contains("input-error", summary);
        Assert.Contains("5 of 5 files analysed", summary);
        Assert.Empty(err); // not a terminal: no progress bar
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(dir, "out", "summary.json")));
        Assert.Equal(5, json["files"]!.Count());
        Assert.Equal(1, (int)json["totals"]!["inputErrors"]!);
        Assert.Equal(3, json["files"]!.Count(f => (string?)f["status"] == "findings"));
        Assert.Equal("findings", (string?)json["files"]!.Single(f => ((string)f["path"]!).EndsWith("hr-export.csv", StringComparison.Ordinal))["status"]);
    }

    [Fact]
    public void Output_is_byte_identical_whatever_the_parallelism()
    {
        var dir = Batch();
        var one = Run(CliEnvironment.Default, "analyze", Path.Combine(dir, "in", "**", "*.json"), "--parallel", "1", "--format", "json");
        var four = Run(CliEnvironment.Default, "analyze", Path.Combine(dir, "in", "**", "*.json"), "--parallel", "4", "--format", "json");
        Assert.Equal(one.Out, four.Out);
        Assert.Equal(2, one.Code);
        Assert.DoesNotContain("practices.json", one.Out); // side files are not inputs of their own
    }

    [Fact]
    public void Progress_bar_only_on_an_interactive_terminal()
    {
        var dir = Batch();
        var quiet = Run(CliEnvironment.Default, "analyze", Path.Combine(dir, "in"), "--fail-on", "none");
        Assert.Empty(quiet.Err);
        var interactive = Run(new CliEnvironment { InteractiveErrorOutput = true }, "analyze", Path.Combine(dir, "in"), "--fail-on", "none");
        Assert.Contains("3/3 files", interactive.Err);
        Assert.Contains("\r", interactive.Err);
    }

    [Fact]
    public void Interrupted_batch_exits_130_and_lists_what_was_not_done()
    {
        var dir = Batch();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var (code, output, err) = Run(new CliEnvironment { Cancellation = cts.Token }, "analyze", Path.Combine(dir, "in"), "--output-dir", Path.Combine(dir, "out"));
        Assert.Equal(130, code);
        Assert.Contains("not analysed", err);
        Assert.Contains("Not analysed (the batch was interrupted)", output);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "out"), "*.report.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Shards_together_cover_the_batch_once()
    {
        var dir = Batch();
        var all = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, output, _) = Run(CliEnvironment.Default, "analyze", Path.Combine(dir, "in"), "--recursive", "--shard", $"{i}/3", "--output-dir", Path.Combine(dir, "out" + i));
            all.AddRange(Directory.GetFiles(Path.Combine(dir, "out" + i), "*.report.txt", SearchOption.AllDirectories).Select(Path.GetFileName)!);
            Assert.Contains($"(shard {i}/3)", output);
        }
        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Distinct().Count());
    }

    [Theory]
    [InlineData("--parallel", "0")]
    [InlineData("--shard", "3/3")]
    [InlineData("--practices", "/no/such/file.json")]
    public void Bad_batch_options_are_usage_errors(string option, string value)
        => Assert.Equal(2, Run(CliEnvironment.Default, "analyze", SeedPaths.Classic, option, value).Code);

    [Fact]
    public void A_glob_that_matches_nothing_is_a_usage_error()
        => Assert.Equal(2, Run(CliEnvironment.Default, "analyze", Path.Combine(SeedPaths.Seeds, "*.nothing")).Code);
}

public class HrExportCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Mapping_and_practices_options_reach_the_reader()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var csv = Path.Combine(dir, "odd.csv");
        File.WriteAllText(csv, "Kennung,Chef,OE\nk1,,Vertrieb\nk2,k1,Vertrieb\nk3,k9,Vertrieb\n");
        var mapping = Path.Combine(dir, "odd.mapping.json");
        File.WriteAllText(mapping, """{ "columns": { "employeeId": "Kennung", "managerId": "Chef", "department": "OE" } }""");
        var practices = Path.Combine(dir, "plans.json");
        File.WriteAllText(practices, """{ "schemaVersion": "1.0", "incentivePlans": [ { "id": "ip", "type": "commission", "level": "individual", "participants": { "unitIds": ["Vertrieb"] } } ] }""");

        var withoutMapping = Run("analyze", csv);
        Assert.Equal(2, withoutMapping.Code);
        Assert.Contains("VT0301", withoutMapping.Out);

        var (code, output, _) = Run("analyze", csv, "--mapping", mapping, "--practices", practices, "--culture", "en");
        Assert.Equal(1, code);
        Assert.Contains("odd.csv(4,2): warning VT0302", output);
        Assert.Contains("plans.json(1,61): error VT3001", output); // findings about practices point into the side file, at the plan's type
        Assert.Contains("3 people", output);
    }
}
