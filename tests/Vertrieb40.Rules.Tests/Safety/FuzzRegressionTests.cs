using Vertrieb40.Rules.Fuzz;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Every input a fuzzer ever broke the tool with (FuzzRegressions/: AFL++ crashes kept by smoke.sh, mini-fuzz
/// and hand-found inputs) runs through the fuzz target and through the CLI, which must answer with 0, 1 or 2.
/// </summary>
public class FuzzRegressionTests
{
    private static string Folder => Path.Combine(SeedPaths.Root, "tests", "Vertrieb40.Rules.Tests", "Safety", "FuzzRegressions");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void There_are_regression_inputs()
        => Assert.NotEmpty(Inputs());

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Regression_input_does_not_break_the_fuzz_target(string name)
        => FuzzTarget.RunFile(Path.Combine(Folder, name));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Regression_input_gives_a_clean_answer_from_the_cli(string name)
    {
        var path = Path.Combine(Folder, name);
        if (name.EndsWith(".sarif", StringComparison.Ordinal))
        {
            using var dir = new TempDir();
            var (mergeCode, mergeOut, mergeErr) = Cli.Run("sarif", "merge", path, "-o", dir.File("merged.sarif"));
            Assert.True(mergeCode is 0 or 2, $"sarif merge exit code {mergeCode}");
            Cli.AssertCleanFailure(mergeOut, mergeErr);
            return;
        }
        var (code, output, error) = Cli.Run("analyze", path, "--culture", "en");
        Assert.InRange(code, 0, 2);
        Cli.AssertCleanFailure(output, error);
    }
}
