using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Cli;

/// <summary>The CLI side of issue 4: --config, --suppressions, --warnaserror, baseline, fix.</summary>
public class AdoptionCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>A fresh directory with org.json (VT1009 and VT1010 warnings, VT3001 error).</summary>
    private static string NewDoc(string? json = null)
    {
        var dir = Directory.CreateTempSubdirectory("v40cli").FullName;
        var path = Path.Combine(dir, "org.json");
        File.WriteAllText(path, json ?? ConfigurationTests.Json);
        return path;
    }

    private static string Beside(string doc, string name, string text)
    {
        var path = Path.Combine(Path.GetDirectoryName(doc)!, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_config_file_next_to_the_document_is_found_and_its_problems_are_shown()
    {
        var doc = NewDoc();
        Beside(doc, ".vertrieb40config", "vertrieb40_diagnostic.VT3001.severity = warning\nvertrieb40_diagnostic.VT1099.severity = error\n");
        var (code, output, _) = Run("analyze", doc, "--culture", "en");
        Assert.Equal(0, code); // the only error became a warning
        Assert.Contains("warning VT3001", output, StringComparison.Ordinal);
        Assert.Matches(@"\.vertrieb40config\(2,1\): warning VT0200: .*VT1099", output);
    }

    [Fact]
    public void An_explicit_config_replaces_discovery_and_a_missing_one_is_a_usage_error()
    {
        var doc = NewDoc();
        Beside(doc, ".vertrieb40config", "vertrieb40_diagnostic.VT3001.severity = none\n");
        var other = Path.Combine(Directory.CreateTempSubdirectory("v40cli").FullName, "team.vertrieb40config");
        File.WriteAllText(other, "vertrieb40_diagnostic.VT1009.severity = none\n");
        var (code, output, _) = Run("analyze", doc, "--config", other);
        Assert.Equal(1, code);
        Assert.Contains("VT3001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("VT1009", output, StringComparison.Ordinal);

        var (code2, _, err) = Run("analyze", doc, "--config", "/no/such/config");
        Assert.Equal(2, code2);
        Assert.Contains("--config", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnaserror_promotes_all_or_listed_warnings()
    {
        var doc = NewDoc();
        Beside(doc, ".vertrieb40config", "vertrieb40_diagnostic.VT3001.severity = none\n");
        Assert.Equal(0, Run("analyze", doc).Code);
        var (code, output, _) = Run("analyze", doc, "--warnaserror");
        Assert.Equal(1, code);
        Assert.Contains("error VT1009", output, StringComparison.Ordinal);
        var (code2, output2, _) = Run("analyze", doc, "--warnaserror:VT1010");
        Assert.Equal(1, code2);
        Assert.Contains("error VT1010", output2, StringComparison.Ordinal);
        Assert.Contains("warning VT1009", output2, StringComparison.Ordinal);
        Assert.Equal(2, Run("analyze", doc, "--warnaserror:").Code);
    }

    [Fact]
    public void A_suppressions_file_suppresses_and_a_bad_one_stops_with_file_line_and_column()
    {
        var doc = NewDoc();
        var good = Beside(doc, "suppressions.json", """{ "suppressions": [ { "ruleId": "VT3001", "target": "ip1", "justification": "Works council agreement", "expires": "2999-12-31" } ] }""");
        var (code, output, _) = Run("analyze", doc, "--suppressions", good, "--culture", "en");
        Assert.Equal(0, code);
        Assert.Contains("1 suppressed", output, StringComparison.Ordinal);

        var bad = Beside(doc, "bad-suppressions.json", "{ \"suppressions\": [\n  { \"ruleId\": \"VT3001\" }\n] }");
        var (code2, output2, err2) = Run("analyze", doc, "--suppressions", bad);
        Assert.Equal(2, code2);
        Assert.Equal("", output2);
        Assert.Contains("bad-suppressions.json(2,3): error VT0212", err2, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_create_analyze_update_and_strict()
    {
        var doc = NewDoc();
        var baseline = Path.Combine(Path.GetDirectoryName(doc)!, "baseline.json");
        var (code, output, _) = Run("baseline", "create", doc, "-o", baseline);
        Assert.Equal(0, code);
        Assert.Matches(@"Baseline with \d+ findings of 1 document written to ", output);
        Assert.True(File.Exists(baseline));

        // create never overwrites
        var before = File.ReadAllText(baseline);
        Assert.Equal(2, Run("baseline", "create", doc, "-o", baseline).Code);
        Assert.Equal(before, File.ReadAllText(baseline));

        // Everything known: --fail-on applies to new findings only.
        Assert.Equal(1, Run("analyze", doc).Code);
        Assert.Equal(0, Run("analyze", doc, "--baseline", baseline, "--fail-on", "warning").Code);

        // A new finding fails; the JSON report marks it.
        File.WriteAllText(doc, ConfigurationTests.Json.Replace("\"meetings\": [", "\"meetings\": [ { \"id\": \"m2\", \"purpose\": \"statusReporting\", \"cadence\": \"weekly\" },", StringComparison.Ordinal));
        var (code2, json, _) = Run("analyze", doc, "--baseline", baseline, "--fail-on", "warning", "--format", "json");
        Assert.Equal(1, code2);
        Assert.Contains("\"baselineState\": \"new\"", json, StringComparison.Ordinal);
        Assert.Contains("\"baselineState\": \"unchanged\"", json, StringComparison.Ordinal);

        // A finding gone: listed; strict mode fails on the stale baseline.
        File.WriteAllText(doc, ConfigurationTests.Json.Replace("\"type\": \"commission\"", "\"type\": \"fixed\"", StringComparison.Ordinal));
        var (code3, output3, _) = Run("analyze", doc, "--baseline", baseline, "--fail-on", "warning", "--culture", "en");
        Assert.Equal(0, code3);
        Assert.Contains("VT0220", output3, StringComparison.Ordinal);
        Assert.Equal(1, Run("analyze", doc, "--baseline", baseline, "--strict-baseline").Code);

        // update records today's state; strict passes again.
        Assert.Equal(0, Run("baseline", "update", doc, "-o", baseline).Code);
        Assert.Equal(0, Run("analyze", doc, "--baseline", baseline, "--strict-baseline", "--fail-on", "warning").Code);
        Assert.Equal(2, Run("baseline", "update", doc, "-o", baseline + ".missing").Code);
    }

    [Fact]
    public void Baseline_errors_are_usage_or_input_errors()
    {
        var doc = NewDoc();
        Assert.Equal(2, Run("analyze", doc, "--baseline", "/no/such/baseline.json").Code);
        var bad = Beside(doc, "baseline.json", "{ \"findings\": 3 }");
        var (code, _, err) = Run("analyze", doc, "--baseline", bad);
        Assert.Equal(2, code);
        Assert.Contains("baseline.json(1,1): error VT0221", err, StringComparison.Ordinal);
        Assert.Equal(2, Run("analyze", doc, "--strict-baseline").Code);
        Assert.Equal(2, Run("baseline", "remove", doc).Code);

        var broken = NewDoc("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }");
        var target = Path.Combine(Path.GetDirectoryName(broken)!, "b.json");
        Assert.Equal(2, Run("baseline", "create", broken, "-o", target).Code);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Fix_shows_a_diff_and_never_touches_the_input_by_default()
    {
        var doc = NewDoc();
        var original = File.ReadAllText(doc);
        var (code, diff, err) = Run("fix", doc);
        Assert.Equal(0, code);
        Assert.Contains("--- a/org.json", diff, StringComparison.Ordinal);
        Assert.Matches("\n-  \"incentivePlans\": \\[ \\{ \"id\": \"ip1\", \"type\": \"commission\"", diff);
        Assert.Matches("\n\\+  \"incentivePlans\": \\[ \\{ \"id\": \"ip1\", \"type\": \"fixed\"", diff);
        Assert.Contains("fixed VT3001", err, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllText(doc));
    }

    [Fact]
    public void Fix_writes_to_output_or_in_place_and_dry_run_writes_nothing()
    {
        var doc = NewDoc();
        var original = File.ReadAllText(doc);
        var output = Path.Combine(Path.GetDirectoryName(doc)!, "fixed.json");
        Assert.Equal(0, Run("fix", doc, "--rule", "VT1010", "--output", output).Code);
        Assert.Equal(original, File.ReadAllText(doc));
        var fixedText = File.ReadAllText(output);
        Assert.DoesNotContain("\"purpose\": \"pipelineReview\"", fixedText, StringComparison.Ordinal); // the control meeting is left out
        Assert.DoesNotContain("\"coordination\"", fixedText, StringComparison.Ordinal); // not relabelled
        Assert.Contains("\"type\": \"commission\"", fixedText, StringComparison.Ordinal); // --rule: only VT1010

        Assert.Equal(0, Run("fix", doc, "--in-place", "--dry-run").Code);
        Assert.Equal(original, File.ReadAllText(doc));

        Assert.Equal(0, Run("fix", doc, "--in-place").Code);
        var (code, output2, _) = Run("analyze", doc, "--culture", "en");
        Assert.Equal(0, code); // the only error (VT3001) is fixed
        foreach (var id in new[] { "VT3001", "VT1009", "VT1010" }) Assert.DoesNotContain(id, output2, StringComparison.Ordinal);
        // Fixing again finds nothing more to do: applying twice equals applying once.
        var (code3, diff3, err3) = Run("fix", doc);
        Assert.Equal(0, code3);
        Assert.Equal("", diff3);
        Assert.Contains("No fixable findings.", err3, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(doc)!, "*.tmp"));
    }

    [Fact]
    public void Fix_in_place_keeps_a_utf8_byte_order_mark()
    {
        var doc = NewDoc();
        File.WriteAllBytes(doc, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(doc)).ToArray());
        Assert.Equal(0, Run("fix", doc, "--in-place").Code);
        var bytes = File.ReadAllBytes(doc);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.NotEqual(0xEF, bytes[3]); // exactly one mark
        Assert.Contains("\"type\": \"fixed\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_usage_errors_exit_2()
    {
        var doc = NewDoc();
        Assert.Equal(2, Run("fix", doc, "--output", doc).Code);
        Assert.Equal(2, Run("fix", doc, "--output", doc + ".x", "--in-place").Code);
        var (code, _, err) = Run("fix", doc, "--rule", "VT9999");
        Assert.Equal(2, code);
        Assert.Contains("Fixable: VT1002", err, StringComparison.Ordinal);
        Assert.Equal(2, Run("fix").Code);
        var broken = NewDoc("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }");
        var (code2, output2, _) = Run("fix", broken, "--in-place");
        Assert.Equal(2, code2);
        Assert.Contains("VT0", output2, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_new_commands_and_options()
    {
        var (_, help, _) = Run("--help");
        foreach (var word in new[] { "--config", "--suppressions", "--baseline", "--strict-baseline", "--warnaserror", "--rules-assembly", "baseline create|update", "fix <file>", "--in-place", "--dry-run" })
            Assert.Contains(word, help, StringComparison.Ordinal);
    }
}
