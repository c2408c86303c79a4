namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>Issue 17: <c>sarif merge</c> crashed (exit 3) on structurally wrong logs and accepted some with exit 0.</summary>
public class SarifMergeHostileTests
{
    private const string Good = """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t", "rules": [ { "id": "X1" } ] } }, "results": [ { "ruleId": "X1", "message": { "text": "m" } } ] } ] }""";

    [Theory]
    [InlineData("""{ "version": "2.1.0", "runs": "x" }""", "(1,", "\"runs\" must be an array")]
    [InlineData(Good + " garbage", "(1,", "text after the end of the JSON document")]
    [InlineData(Good + "\n{}", "(2,", "text after the end of the JSON document")]
    [InlineData("""{ "version": {}, "runs": [] }""", "(1,", "\"version\" must be a string")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": "t" } ] }""", "(1,", "\"tool\" must be an object")]
    [InlineData("""{ "version": "2.1.0", "runs": [ 5 ] }""", "(1,", "a run without tool.driver")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": [] } } } ] }""", "(1,", "the driver's name must be a string")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t", "rules": [ { "id": {} } ] } } } ] }""", "(1,", "a rule's id must be a string")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t", "rules": 3 } } } ] }""", "(1,", "\"rules\" must be an array")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t" } }, "results": [ { "ruleId": [1] } ] } ] }""", "(1,", "a result's ruleId must be a string")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t" } }, "results": [ { "rule": "r" } ] } ] }""", "(1,", "a result's rule must be an object")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t" } }, "results": [ { "ruleIndex": 99999999999999999999999 } ] } ] }""", "bad.sarif", "")]
    [InlineData("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t" } }, "invocations": [ { "toolExecutionNotifications": "n" } ] } ] }""", "(1,", "\"toolExecutionNotifications\" must be an array")]
    [InlineData("""{ "version": "2.1.0", "runs": [ """, "(1,", "not valid JSON")]
    [InlineData("[]", "(1,", "not a SARIF log (the document is not a JSON object)")]
    public void A_structurally_wrong_log_is_exit_2_naming_the_file_and_position(string log, string position, string message)
    {
        using var dir = new TempDir();
        var good = dir.Write("good.sarif", Good);
        var bad = dir.Write("bad.sarif", log);
        var (code, output, error) = Cli.Run("sarif", "merge", good, bad, "-o", Path.Combine(dir.Path, "all.sarif"));
        Assert.Equal(2, code);
        Assert.Contains(bad + (position == "bad.sarif" ? "" : position), output + error);
        Assert.Contains(message, output + error);
        Assert.DoesNotContain("internal error", output + error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(dir.Path, "all.sarif")), "no merged log may be written from a bad input");
    }

    [Fact]
    public void Good_logs_still_merge()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.sarif", Good);
        var b = dir.Write("b.sarif", Good + "\n");
        var (code, _, _) = Cli.Run("sarif", "merge", a, b, "-o", Path.Combine(dir.Path, "all.sarif"));
        Assert.Equal(0, code);
        Assert.Equal(2, Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(dir.Path, "all.sarif")))["runs"]![0]!["results"]!.Count());
    }
}
