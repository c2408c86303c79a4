using System.Text;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>Issue 6: nesting 100,000 deep, a 100 MB string, hierarchies 100,000 long, a directory of 2,000 files.</summary>
public class HugeInputTests
{
    private static string Nested(int depth, string open = "[", string close = "]")
    {
        var sb = new StringBuilder(depth * (open.Length + close.Length) + 100);
        sb.Append("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": \"u\", \"colour\": ");
        for (var i = 0; i < depth; i++) sb.Append(open);
        for (var i = 0; i < depth; i++) sb.Append(close);
        return sb.Append(" } ] }").ToString();
    }

    private static string NestedExceptions(int levels)
    {
        var sb = new StringBuilder();
        sb.Append("{ \"schemaVersion\": \"1.0\", \"approvalPolicies\": [ { \"id\": \"ap\", \"subject\": \"discount\", \"exceptions\": ");
        for (var i = 0; i < levels; i++) sb.Append("[ { \"description\": \"x\", \"exceptions\": ");
        sb.Append("[]");
        for (var i = 0; i < levels; i++) sb.Append(" } ]");
        return sb.Append(" } ] }").ToString();
    }

    [Fact]
    public void Nesting_100000_deep_is_vt0010_in_the_library()
    {
        var load = OrganizationReader.ReadString(Nested(100_000), "deep.json");
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0010");
        Assert.Contains("nests deeper than 64 levels", d.GetMessage(TestOrg.English));
        Assert.Equal(1, d.Location.Span.StartLine);
        Assert.Null(load.Organization);
    }

    [Fact]
    public void Nesting_100000_deep_is_exit_2_in_the_cli()
    {
        using var dir = new TempDir();
        var path = dir.Write("deep.json", Nested(100_000, "{\"a\":", "}"));
        var (code, output, error) = Cli.Run("analyze", path, SeedPaths.Classic, "--culture", "en");
        Assert.Equal(2, code);
        Assert.Contains("deep.json(1,", output);
        Assert.Contains("error VT0010: Input limit exceeded: the document nests deeper than 64 levels", output);
        Assert.Contains("VT3001", output);
        Cli.AssertCleanFailure(output, error);
    }

    [Fact]
    public void With_the_depth_limit_raised_100000_levels_are_skipped_without_recursion()
    {
        // Unknown values are skipped iteratively: no stack is used per level.
        var load = OrganizationReader.ReadString(Nested(100_000), "deep.json", new ReaderOptions { MaxDepth = 1_000_000 });
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics.Select(d => d.ToString(TestOrg.English))));
        Assert.Equal("VT0007", Assert.Single(load.Diagnostics).Id);
    }

    [Fact]
    public void Policy_exceptions_nested_50000_deep_with_the_limit_raised_are_vt0010_not_a_stack_overflow()
    {
        // Nested exceptions are read recursively. With MaxDepth raised to a million, the stack runs out first:
        // the reader must notice (VT0010) instead of crashing the process. A 1 MiB thread makes it certain.
        var json = NestedExceptions(50_000);
        LoadResult? load = null;
        var thread = new Thread(() => load = OrganizationReader.ReadString(json, "exceptions.json", new ReaderOptions { MaxDepth = 1_000_000 }), 1 << 20);
        thread.Start();
        thread.Join();
        var d = Assert.Single(load!.Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.Contains("nests too deeply for the available stack", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Policy_exceptions_as_deep_as_the_limit_allows_are_read_and_analysed()
    {
        var load = OrganizationReader.ReadString(NestedExceptions(400), "exceptions.json", new ReaderOptions { MaxDepth = 1000 });
        Assert.Empty(load.Diagnostics);
        Assert.Equal(400, load.Organization!.ApprovalPolicies[0].ExceptionDepth);
        var result = OrganizationAnalyzer.Default.Analyze(load);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("VT01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_hierarchy_and_a_reporting_line_100000_long_are_read_and_analysed()
    {
        const int n = 100_000;
        var sb = new StringBuilder("{ \"schemaVersion\": \"1.0\",\n\"units\": [\n{ \"id\": \"u0\" }");
        for (var i = 1; i < n; i++) sb.Append(",\n{ \"id\": \"u").Append(i).Append("\", \"parentId\": \"u").Append(i - 1).Append("\" }");
        sb.Append("],\n\"people\": [\n{ \"id\": \"p0\", \"unitId\": \"u0\" }");
        for (var i = 1; i < n; i++) sb.Append(",\n{ \"id\": \"p").Append(i).Append("\", \"unitId\": \"u").Append(i).Append("\", \"managerId\": \"p").Append(i - 1).Append("\" }");
        sb.Append("] }");
        var load = OrganizationReader.ReadString(sb.ToString(), "long.json");
        Assert.Empty(load.Diagnostics);
        Assert.Equal(n - 1, load.Organization!.Units[^1].Depth);
        Assert.Equal(0, load.Organization.Units[0].Depth);
        var result = OrganizationAnalyzer.Default.Analyze(load);
        Assert.Equal(n, result.PeopleCount);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("VT01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reporting_cycle_100000_long_is_found()
    {
        const int n = 100_000;
        var sb = new StringBuilder("{ \"schemaVersion\": \"1.0\", \"people\": [\n");
        for (var i = 0; i < n; i++) sb.Append(i == 0 ? "" : ",\n").Append("{ \"id\": \"p").Append(i).Append("\", \"managerId\": \"p").Append((i + 1) % n).Append("\" }");
        sb.Append("] }");
        var d = Assert.Single(OrganizationReader.ReadString(sb.ToString(), "cycle.json").Diagnostics);
        Assert.Equal("VT0006", d.Id);
        Assert.Equal("/people/0/managerId", d.Location.JsonPointer);
    }

    [Fact]
    public void A_100_MB_string_is_rejected_by_the_string_limit_with_bounded_memory()
    {
        using var dir = new TempDir();
        var path = dir.File("huge-string.json");
        WriteHugeString(path, 100 * 1024 * 1024);
        Assert.True(new FileInfo(path).Length > 100_000_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var load = OrganizationReader.ReadFile(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.Equal((2, 29), (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Contains("a string is longer than 1,048,576 characters (ReaderOptions.MaxStringLength)", d.GetMessage(TestOrg.English));
        // Reading stops about 1 Mi characters into the string: Newtonsoft's buffer (2 bytes a char, grown by
        // doubling) and the stream buffers. Reading the string whole would allocate more than 200 MB.
        Assert.True(allocated < 24L * 1024 * 1024, $"reading allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_100_MB_string_is_exit_2_in_the_cli_with_bounded_memory()
    {
        using var dir = new TempDir();
        var path = dir.File("huge-string.json");
        WriteHugeString(path, 100 * 1024 * 1024);
        _ = OrganizationAnalyzer.Default; // compile the rules first: that is not what is measured
        Cli.Run("rules");
        // The classic seed's own report is the baseline: its length grows with the catalog and its messages.
        var classicOnly = Cli.Run("analyze", SeedPaths.Classic, "--culture", "en").Out;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (code, output, error) = Cli.Run("analyze", path, SeedPaths.Classic, "--culture", "en");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, code);
        Assert.Contains("huge-string.json(2,29): error VT0010: Input limit exceeded: a string is longer than 1,048,576 characters", output);
        Assert.Contains("VT3001", output);
        Assert.True(output.Length < classicOnly.Length + 2_000, "the report quotes the input");
        Cli.AssertCleanFailure(output, error);
        Assert.True(allocated < 64L * 1024 * 1024, $"the CLI allocated {allocated:N0} bytes");
    }

    private static void WriteHugeString(string path, int length)
    {
        using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        f.Write("{ \"schemaVersion\": \"1.0\",\n  \"organization\": { \"name\": \""u8);
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)'a');
        for (var written = 0; written < length; written += chunk.Length) f.Write(chunk);
        f.Write("\" } }"u8);
    }

    [Fact]
    public void A_directory_of_2000_files_with_some_bad_ones_reports_the_bad_ones_and_analyses_the_rest()
    {
        using var dir = new TempDir();
        const int files = 2000;
        var good = "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": \"u\" } ], \"incentivePlans\": [ { \"id\": \"ip\", \"type\": \"commission\", \"level\": \"individual\", \"participants\": { \"everyone\": true } } ] }";
        var bad = new[]
        {
            "", "{", "[]", "{ \"schemaVersion\": \"9\" }", "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": null } ] }",
            "{ \"schemaVersion\": \"1.0\", \"people\": [ { \"id\": \"a\", \"managerId\": \"a\" } ] }", "not json",
        };
        var badNames = new HashSet<string>();
        for (var i = 0; i < files; i++)
        {
            var name = $"org-{i:D4}.json";
            if (i % 97 == 13)
            {
                dir.Write(name, bad[badNames.Count % bad.Length]);
                badNames.Add(name);
            }
            else dir.Write(name, good);
        }
        var report = dir.File("report.json");

        var (code, _, error) = Cli.Run("analyze", dir.Path, "--format", "json", "--output", report);

        Assert.Equal(2, code);
        Cli.AssertCleanFailure("", error);
        var json = JObject.Parse(File.ReadAllText(report));
        var results = json["files"]!.ToList();
        Assert.Equal(files, results.Count);
        foreach (var r in results)
        {
            var name = Path.GetFileName((string)r["path"]!);
            var failed = (bool)r["inputFailed"]!;
            var ids = r["diagnostics"]!.Select(d => (string)d["id"]!).ToList();
            if (badNames.Contains(name))
            {
                Assert.True(failed, name);
                Assert.NotEmpty(ids);
                Assert.All(ids, id => Assert.StartsWith("VT00", id));
            }
            else
            {
                Assert.False(failed, name);
                Assert.Contains("VT3001", ids);
            }
        }
    }
}
