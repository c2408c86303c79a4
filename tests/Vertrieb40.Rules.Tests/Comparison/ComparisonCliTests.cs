using System.Security.Cryptography;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Tests.Infrastructure;
using static Vertrieb40.Rules.Tests.Comparison.ComparisonTestSupport;

namespace Vertrieb40.Rules.Tests.Comparison;

public class ComparisonCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string J(int i) => JourneyFiles[i];

    [Fact]
    public void Diff_fails_on_new_findings_only_when_asked_and_at_the_level_asked()
    {
        // Q2 → Q3 adds VT3001 (error) and VT2001 (warning); Q1 → Q2 adds nothing.
        Assert.Equal(0, Run("diff", J(1), J(2)).Code);
        Assert.Equal(1, Run("diff", J(1), J(2), "--fail-on-new", "error").Code);
        Assert.Equal(1, Run("diff", J(1), J(2), "--fail-on-new", "warning").Code);
        Assert.Equal(0, Run("diff", J(0), J(1), "--fail-on-new", "info").Code);
        var (code, output, _) = Run("diff", J(1), J(2), "--culture", "en");
        Assert.Equal(0, code);
        Assert.Contains("new        error VT3001 incentivePlans/ip-commission", output);
        Assert.Equal(2, Run("diff", J(1), J(2), "--fail-on-new", "sometimes").Code);
        Assert.Equal(2, Run("diff", J(1)).Code);
    }

    [Fact]
    public void Diff_of_an_unreadable_document_is_exit_2_with_its_located_error()
    {
        var (code, output, err) = Run("diff", J(0), Path.Combine(Journey, "missing.json"));
        Assert.Equal(2, code);
        Assert.Contains("VT0011", output);
        Assert.Contains("cannot be compared", err);
    }

    [Fact]
    public void Diff_and_trend_write_json_and_html_files()
    {
        var dir = Directory.CreateTempSubdirectory("vt40-cli-");
        try
        {
            var diffJson = Path.Combine(dir.FullName, "diff.json");
            var (code, output, _) = Run("diff", J(0), J(3), "--format", "json", "--output", diffJson);
            Assert.Equal(0, code);
            Assert.Contains("diff written to", output);
            Assert.Contains("\"kind\": \"diff\"", File.ReadAllText(diffJson));

            var trendHtml = Path.Combine(dir.FullName, "trend.html");
            (code, output, _) = Run("trend", Journey, "--format", "html", "--culture", "de", "--output", trendHtml);
            Assert.Equal(0, code);
            Assert.Contains("Verlauf aus 4 Ständen", output);
            Assert.Contains("Fortschritt im Zeitverlauf", File.ReadAllText(trendHtml));

            // A saved result as a snapshot.
            var saved = Path.Combine(dir.FullName, "q1.result.json");
            Assert.Equal(1, Run("analyze", J(0), "--format", "json", "--output", saved).Code);
            (code, output, _) = Run("diff", saved, J(0), "--culture", "en");
            Assert.Equal(0, code);
            Assert.Contains("0 new findings, 0 resolved, 0 changed", output);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Trend_refuses_a_snapshot_without_a_date_and_needs_two()
    {
        var (code, _, err) = Run("trend", J(0), SeedPaths.Classic);
        Assert.Equal(2, code);
        Assert.Contains("classic-sales-org.json' has no date", err);
        Assert.Equal(2, Run("trend", J(0)).Code);
    }

    [Fact]
    public void What_if_projects_the_fixes_and_leaves_the_input_untouched()
    {
        var dir = Directory.CreateTempSubdirectory("vt40-cli-");
        try
        {
            var doc = Path.Combine(dir.FullName, "org.json");
            File.Copy(J(0), doc);
            var hash = SHA256.HashData(File.ReadAllBytes(doc));
            var fixes = Path.Combine(dir.FullName, "fixes.json");
            File.WriteAllText(fixes, "{ \"formatVersion\": \"1.0\", \"fixes\": [ { \"ruleId\": \"VT3001\" }, { \"ruleId\": \"VT1010\", \"entityIds\": [\"m-pipeline-review\"] } ] }");
            var (code, output, _) = Run("analyze", doc, "--what-if", fixes, "--culture", "en");
            Assert.Equal(1, code); // --fail-on error judges today's findings: the document is unchanged
            Assert.Contains("What if", output);
            Assert.Contains("today  after the fixes", output);
            Assert.Contains("3 fixes applied in memory; the input is unchanged.", output);
            Assert.Contains("0 new findings, 3 resolved", output);
            Assert.Contains("resolved   warning VT1010 meetings/m-pipeline-review", output);
            Assert.DoesNotContain("m-status-report", output.Split("People affected")[0].Split("unchanged.")[1]);
            Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(doc)));

            (code, output, _) = Run("analyze", doc, "--what-if", fixes, "--format", "json");
            Assert.Contains("\"resolved\": 3", output);

            // fix --dry-run shows the same projection on standard error; standard output stays a patch.
            var (fixCode, patch, err) = Run("fix", doc, "--dry-run", "--rule", "VT3001", "--culture", "en");
            Assert.Equal(0, fixCode);
            Assert.StartsWith("--- a/org.json", patch, StringComparison.Ordinal);
            Assert.Contains("0 new findings, 2 resolved", err);
            Assert.Contains("Effectiveness", err);
            Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(doc)));
        }
        finally { dir.Delete(true); }
    }

    [Theory]
    [InlineData("{ \"fixes\": [ { \"ruleId\": \"VT9999\" } ] }", "(1,26)", "/fixes/0/ruleId", "there is no fix for 'VT9999'")]
    [InlineData("{ \"fixes\": [\n  { \"ruleId\": \"VT3001\", \"entityIds\": \"ip-1\" } ] }", "(2,38)", "/fixes/0/entityIds", "must be an array")]
    [InlineData("{ \"formatVersion\": \"2.0\", \"fixes\": [] }", "(1,20)", "/formatVersion", "formatVersion must be \"1.0\"")]
    [InlineData("{ \"fixes\": [ { \"rule\": \"VT3001\" } ] }", "(1,16)", "/fixes/0/rule", "unknown property 'rule'")]
    [InlineData("{ \"fixes\": [ ", "(1,13)", "", "not valid JSON")]
    public void A_bad_fixes_file_is_a_located_error(string json, string position, string pointer, string message)
    {
        var dir = Directory.CreateTempSubdirectory("vt40-cli-");
        try
        {
            var fixes = Path.Combine(dir.FullName, "fixes.json");
            File.WriteAllText(fixes, json);
            var (code, output, _) = Run("analyze", J(0), "--what-if", fixes);
            Assert.Equal(2, code);
            Assert.Contains(fixes + position, output);
            Assert.Contains(message, output);
            if (pointer.Length > 0) Assert.Contains("(at " + pointer + ")", output);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Help_lists_diff_trend_and_what_if_and_what_if_takes_one_document()
    {
        var (_, help, _) = Run("--help");
        foreach (var word in new[] { "vertrieb40 diff <before> <after>", "vertrieb40 trend <snapshot|dir>", "--fail-on-new", "--what-if FILE" })
            Assert.Contains(word, help, StringComparison.Ordinal);
        var (code, _, err) = Run("analyze", J(0), J(1), "--what-if", "fixes.json");
        Assert.Equal(2, code);
        Assert.Contains("--what-if takes exactly one document", err);
        Assert.Equal(2, Run("analyze", J(0), "--what-if", "fixes.json", "--format", "sarif").Code);
    }
}
