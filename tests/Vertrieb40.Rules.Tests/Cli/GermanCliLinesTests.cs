using System.Text.RegularExpressions;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Cli;

/// <summary>Issue 13: usage errors and fix's status lines follow <c>--culture de</c> (they were English in German runs).</summary>
public class GermanCliLinesTests
{
    // English words of those lines; none may be left in the German ones.
    private static readonly Regex EnglishWords = new(@"\b(Run|for|usage|Unknown|option|command|needs|value|takes|must|one|of|got|fix|fixes|fixed|shown|nothing|written|No|fixable|findings|first|errors|the|input)\b", RegexOptions.CultureInvariant);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Vertrieb40.Rules.Cli.Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    // The program's name and option names are not words of either language.
    private static string Words(string line) => Regex.Replace(line, @"vertrieb40|--[\w-]+|„[^“]*“|\S+\.(json|csv)\b|/\S+", "");

    [Theory]
    [InlineData("analyze", "x.json", "--culture", "de", "--bogus")]
    [InlineData("analyze", "x.json", "--culture=de", "--format")]
    [InlineData("analyze", "x.json", "--culture", "de", "--fail-on", "sometimes")]
    [InlineData("analyse", "x.json", "--culture", "de")]
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
