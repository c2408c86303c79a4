using System.Text.RegularExpressions;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Cli;

/// <summary>Issue 13: usage errors and fix's status lines follow <c>--culture de</c> (they were English in German runs).</summary>
public class GermanCliLinesTests
{
    // English words of those lines; none may be left in the German ones.
    private static readonly Regex EnglishWords = new(@"\b(Run|for|usage|Unknown|option|command|needs|value|takes|must|one|of|got|fix|fixes|fixed|shown|nothing|written|No|fixable|findings|first|errors|the|input)\b", RegexOptions.CultureInvariant);

    // The status lines' English words (report, baseline, diff, trend, init, fix lines): none may be left either.
    private static readonly Regex StatusEnglish = new(@"\b(report|written|to|with|finding|findings|document|documents|error|errors|warning|warnings|info|no|exit|code|because|of|new|resolved|trend|snapshots|Template|fill|then|run|fixed|Leave|out|control|meeting|individual|target|Turn|incentive|plan|into|fixed|pay|Remove|Give|role|second|member|team|between|silos|hand-over|approval|policy|projected|unchanged|input|is)\b", RegexOptions.CultureInvariant);

    private static void NoEnglish(string line)
    {
        // An option's value ("--fail-on error") is the option's word, not the sentence's.
        var words = Words(Regex.Replace(line, @"--[\w-]+ (error|warning|info|none)\b", ""));
        Assert.DoesNotMatch(StatusEnglish, words);
        Assert.DoesNotMatch(EnglishWords, words);
    }

    private static string TempDir() => Directory.CreateTempSubdirectory("v40de").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Vertrieb40.Rules.Cli.Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    // The program's name and option names are not words of either language.
    // The program's name, option names and a command's name at the start of a message are not words of either language.
    private static string Words(string line) => Regex.Replace(Regex.Replace(line, @"^vertrieb40: (analyze|baseline|fix|diff|trend|init|generate|sarif)\b", ""), @"vertrieb40|--[\w-]+|„[^“]*“|\S+\.(json|csv)\b|/\S+", "");

    [Theory]
    [InlineData("analyze", "x.json", "--culture", "de", "--bogus")]
    [InlineData("analyze", "x.json", "--culture=de", "--format")]
    [InlineData("analyze", "x.json", "--culture", "de", "--fail-on", "sometimes")]
    [InlineData("analyse", "x.json", "--culture", "de")]
    [InlineData("analyze", "x.json", "--culture", "de", "--parallel", "0")]
    [InlineData("analyze", "x.json", "--culture", "de", "--strict-baseline")]
    [InlineData("analyze", "x.json", "--culture", "de", "--shard", "5/2")]
    [InlineData("analyze", "x.json", "--culture", "de", "--output", "a.txt", "--output-dir", "d")]
    [InlineData("analyze", "x.json", "--culture", "de", "--format", "pdf")]
    [InlineData("analyze", "--culture", "de")]
    [InlineData("baseline", "--culture", "de")]
    [InlineData("baseline", "create", "--culture", "de")]
    [InlineData("fix", "a.json", "b.json", "--culture", "de")]
    [InlineData("fix", "a.json", "--in-place", "--output", "b.json", "--culture", "de")]
    [InlineData("diff", "a.json", "--culture", "de")]
    [InlineData("trend", "--culture", "de")]
    [InlineData("init", "--culture", "de")]
    [InlineData("init", "--template", "w.txt", "--culture", "de")]
    [InlineData("sarif", "--culture", "de")]
    public void A_usage_error_is_German_under_culture_de(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("„vertrieb40 --help“", err, StringComparison.Ordinal);
        foreach (var line in err.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.DoesNotMatch(EnglishWords, Words(line));
        // The same error in English is unchanged.
        var english = Run(args.Select(a => a == "de" ? "en" : a == "--culture=de" ? "--culture=en" : a).ToArray());
        Assert.Contains("Run 'vertrieb40 --help' for usage.", english.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_report_line_is_German_under_culture_de_and_English_unchanged()
    {
        var dir = TempDir();
        var de = Run("analyze", SeedPaths.Classic, "--culture", "de", "--format", "json", "--output", Path.Combine(dir, "r.json"));
        var line = de.Out.Trim();
        Assert.Matches(@"^Bericht nach .* geschrieben — \d+ Fehler, \d+ Warnungen(, \d+ Hinweise?)?; Exit-Code 1 wegen --fail-on ", line);
        NoEnglish(line);
        var en = Run("analyze", SeedPaths.Clean, "--culture", "en", "--format", "json", "--output", Path.Combine(dir, "c.json"));
        Assert.StartsWith("report written to ", en.Out, StringComparison.Ordinal);
        var clean = Run("analyze", SeedPaths.Clean, "--culture", "de", "--format", "json", "--output", Path.Combine(dir, "c2.json"));
        Assert.EndsWith("; Exit-Code 0", clean.Out.Trim(), StringComparison.Ordinal);
        NoEnglish(clean.Out.Trim());
    }

    [Fact]
    public void Baseline_line_is_German_with_plurals_under_culture_de()
    {
        var dir = TempDir();
        var de = Run("baseline", "create", SeedPaths.Classic, "-o", Path.Combine(dir, "b.json"), "--culture", "de");
        Assert.Equal(0, de.Code);
        Assert.Matches(@"^Baseline mit \d+ Befunden aus 1 Dokument nach .* geschrieben\.$", de.Out.Trim());
        NoEnglish(de.Out.Trim());
        var en = Run("baseline", "create", SeedPaths.Classic, "-o", Path.Combine(dir, "e.json"), "--culture", "en");
        Assert.Matches(@"^Baseline with \d+ findings of 1 document written to ", en.Out.Trim());
    }

    [Fact]
    public void Diff_and_trend_lines_are_German_under_culture_de()
    {
        var journey = Path.Combine(SeedPaths.Seeds, "journey");
        var snapshots = Directory.GetFiles(journey, "*.json").Where(f => !f.Contains("expected", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var dir = TempDir();
        var diff = Run("diff", snapshots[0], snapshots[1], "--culture", "de", "--output", Path.Combine(dir, "d.txt"));
        Assert.Equal(0, diff.Code);
        Assert.Matches(@"^Vergleich nach .* geschrieben — \d+ neu, \d+ behoben; Exit-Code 0$", diff.Out.Trim());
        NoEnglish(diff.Out.Trim());
        var trend = Run(["trend", .. snapshots, "--culture", "de", "--output", Path.Combine(dir, "t.txt")]);
        Assert.Equal(0, trend.Code);
        Assert.Matches(@"^Verlauf aus \d+ Ständen nach .* geschrieben$", trend.Out.Trim());
        NoEnglish(trend.Out.Trim());
    }

    [Fact]
    public void Init_line_is_German_under_culture_de()
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "w.xlsx");
        var first = Run("init", "--template", path, "--culture", "de");
        Assert.Equal(0, first.Code);
        Assert.StartsWith("Vorlage in ", first.Err, StringComparison.Ordinal);
        NoEnglish(first.Err.Trim());
        var again = Run("init", "--template", path, "--culture", "de");
        Assert.Equal(2, again.Code);
        Assert.Contains("gibt es schon", again.Err, StringComparison.Ordinal);
        NoEnglish(again.Err.Trim());
    }

    [Fact]
    public void Fix_lines_name_the_fix_in_German_under_culture_de()
    {
        var (_, _, err) = Run("fix", SeedPaths.Classic, "--culture", "de");
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" korrigiert: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            // The location and the entity's name are the user's words, not the tool's.
            var words = Regex.Replace(line[(line.IndexOf(": VT", StringComparison.Ordinal) + 1)..], "„[^“]*“", "");
            Assert.DoesNotMatch(StatusEnglish, words);
        }
        var english = Run("fix", SeedPaths.Classic, "--culture", "en");
        Assert.Contains(": fixed VT", english.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_status_lines_are_German_under_culture_de()
    {
        var dir = Directory.CreateTempSubdirectory("v40de").FullName;
        var doc = Path.Combine(dir, "org.json");
        File.WriteAllText(doc, ConfigurationTests.Json);
        var shown = Run("fix", doc, "--culture", "de");
        Assert.Equal(0, shown.Code);
        var summary = shown.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.Matches(@"^\d+ Korrekturen gezeigt; nichts geschrieben", summary);
        Assert.DoesNotMatch(EnglishWords, Words(summary));

        Assert.Equal(0, Run("fix", doc, "--in-place", "--culture", "de").Code);
        var none = Run("fix", doc, "--culture", "de");
        Assert.Equal("Keine korrigierbaren Befunde.", none.Err.Trim());

        var export = Run("fix", Path.Combine(SeedPaths.Seeds, "hr-export.csv"), "--culture", "de");
        Assert.Equal(2, export.Code);
        Assert.Contains("HR-Export", export.Err, StringComparison.Ordinal);
    }
}
