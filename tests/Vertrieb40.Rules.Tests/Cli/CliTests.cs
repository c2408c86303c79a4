using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Classic_seed_exits_1_with_compiler_style_lines_and_a_summary()
    {
        var (code, output, _) = Run("analyze", SeedPaths.Classic, "--culture", "en");
        Assert.Equal(1, code);
        Assert.Matches(@"classic-sales-org\.json\(\d+,\d+\): error VT3001: ", output);
        Assert.Contains("1 file analysed:", output);
    }

    [Fact]
    public void Clean_seed_exits_0()
    {
        var (code, output, _) = Run("analyze", SeedPaths.Clean, "--fail-on", "info");
        Assert.Equal(0, code);
        Assert.Contains("0 errors, 0 warnings, 0 info", output);
    }

    [Fact]
    public void Fail_on_none_exits_0_and_fail_on_warning_exits_1()
    {
        Assert.Equal(0, Run("analyze", SeedPaths.Classic, "--fail-on", "none").Code);
        Assert.Equal(1, Run("analyze", SeedPaths.Classic, "--fail-on", "warning").Code);
    }

    [Fact]
    public void Input_errors_exit_2_without_a_stack_trace()
    {
        var dir = Directory.CreateTempSubdirectory();
        var bad = Path.Combine(dir.FullName, "bad.json");
        File.WriteAllText(bad, "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] ");
        var (code, output, err) = Run("analyze", bad);
        Assert.Equal(2, code);
        Assert.Contains("VT0", output);
        Assert.DoesNotContain("   at ", output + err);
    }

    [Fact]
    public void Missing_file_exits_2_and_other_files_are_still_analysed()
    {
        var (code, output, _) = Run("analyze", "/no/such/file.json", SeedPaths.Classic, "--culture", "en");
        Assert.Equal(2, code);
        Assert.Contains("VT0011", output);
        Assert.Contains("VT3001", output);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "x.json", "--format", "xml")]
    [InlineData("analyze", "x.json", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("analyze", "x.json", "--culture", "fr")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("vertrieb40:", err);
    }

    [Fact]
    public void Json_format_is_valid_json_and_output_file_is_written()
    {
        var dir = Directory.CreateTempSubdirectory();
        var outPath = Path.Combine(dir.FullName, "report.json");
        var (code, _, _) = Run("analyze", SeedPaths.Classic, "--format", "json", "--output", outPath);
        Assert.Equal(1, code);
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(outPath));
        Assert.Equal("vertrieb40", (string?)json["tool"]!["name"]);
        Assert.NotEmpty(json["files"]![0]!["diagnostics"]!);
        Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp"));
    }

    [Fact]
    public void Help_documents_commands_options_and_exit_codes()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var s in new[] { "analyze", "--format", "--output", "--fail-on", "--culture", "Exit codes" })
            Assert.Contains(s, output);
    }

    [Fact]
    public void German_culture_gives_german_messages()
    {
        var (_, output, _) = Run("analyze", SeedPaths.Classic, "--culture", "de");
        Assert.Contains("Anreizsystem", output);
        Assert.Contains("Datei geprüft", output);
    }
}
