using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>Issue 17, data exposure through configuration discovery: no line that cannot be parsed is echoed, and no link out of the tree is followed silently.</summary>
public class ConfigExposureTests
{
    private const string Secret = "ghp_SECRETtoken0123456789abcdefSECRET";

    [Theory]
    [InlineData(Secret)]                                   // a token on a line of its own
    [InlineData("[" + Secret)]                             // an unclosed section
    [InlineData("MIIEvQIBADANBgkq" + Secret + "==")]       // a line of base64 that ends in '='
    [InlineData("api token " + Secret + " = x")]            // a "key" no one would write
    public void An_unparsable_line_is_reported_without_its_content(string line)
    {
        var config = AnalyzerConfiguration.Parse("# comment\n" + line + "\n", "x.vertrieb40config");
        var problem = Assert.Single(config.Problems);
        Assert.Equal("VT0205", problem.Id);
        Assert.Contains("line 2", problem.GetMessage(TestOrg.English));
        Assert.DoesNotContain(Secret, problem.GetMessage(TestOrg.English));
    }

    [UnixFact]
    public void A_discovered_config_linked_out_of_the_tree_is_not_read_and_says_so()
    {
        using var outside = new TempDir();
        var secret = outside.Write("id_token", Secret + "\n" + "vertrieb40_analyzer_diagnostic.severity = none\n");
        using var dir = new TempDir();
        var input = dir.Write("org.json", File.ReadAllBytes(SeedPaths.Classic));
        File.CreateSymbolicLink(dir.File(".vertrieb40config"), secret);
        foreach (var format in new[] { "text", "sarif", "html", "json" })
        {
            var (code, output, err) = Cli.Run("analyze", input, "--format", format, "--culture", "en");
            Assert.Equal(1, code); // the linked "severity = none" was not applied
            Assert.DoesNotContain(Secret, output + err);
            Assert.Contains("VT0205", output);
            Assert.Contains("outside its directory", output);
        }
    }

    [UnixFact]
    public void A_discovered_config_linked_within_its_directory_is_read()
    {
        using var dir = new TempDir();
        var input = dir.Write("org.json", File.ReadAllBytes(SeedPaths.Classic));
        dir.Write("shared.config", "vertrieb40_analyzer_diagnostic.severity = none\n");
        File.CreateSymbolicLink(dir.File(".vertrieb40config"), "shared.config");
        var (code, output, _) = Cli.Run("analyze", input, "--culture", "en");
        Assert.Equal(0, code);
        Assert.DoesNotContain("VT0205", output);
    }
}
