using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Text;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 17, the text channel: input strings with control characters, ANSI/OSC escapes and bidi overrides never
/// reach a terminal raw, never forge a diagnostic line, and every format still carries them faithfully encoded.
/// </summary>
public class TextChannelTests
{
    // A unit name that tries to forge a compiler-style line, colour the terminal, set a hyperlink (OSC 8), hide
    // text with NUL and a C1 control, and reverse the rest of the line with a bidi override.
    private const string HostileJsonName = "Online Marketing\\nforged.json(1,1): error VT9999: forged\\r\\u001b[31m\\u001b]8;;https://x\\u0007\\u0000\\u009b\\u202Eevil\\u2066";
    private static readonly string HostileName = JToken.Parse("\"" + HostileJsonName + "\"").Value<string>()!;

    private static string HostileDocument(TempDir dir)
        => dir.Write("org.json", File.ReadAllText(SeedPaths.Classic).Replace("\"Online Marketing\"", "\"" + HostileJsonName + "\"", StringComparison.Ordinal));

    private static readonly char[] Raw = { '\u001b', '\u0000', '\u009b', '\u202E', '\u2066', '\r', '\u0007' };

    [Fact]
    public void Escape_replaces_controls_and_bidi_and_keeps_everything_else()
    {
        Assert.Equal("a\\u000Ab\\u001B[31m\\u202Ec ä €", TerminalText.Escape("a\nb\u001b[31m\u202Ec ä €"));
        Assert.Same("plain text", TerminalText.Escape("plain text"));
        foreach (var c in new[] { '\u0085', '\u2028', '\u2029', '\u200E', '\u200F', '\u061C', '\u202A', '\u2069', '\u007F' })
            Assert.DoesNotContain(c, TerminalText.Escape("x" + c));
    }

    [Fact]
    public void A_newline_in_a_unit_name_cannot_forge_a_diagnostic_line_in_text_output()
    {
        using var dir = new TempDir();
        var (code, output, err) = Cli.Run("analyze", HostileDocument(dir), "--culture", "en");
        Assert.Equal(1, code);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("forged.json", StringComparison.Ordinal));
        Assert.Contains("Online Marketing\\u000Aforged.json(1,1): error VT9999", output);
        Assert.Equal(-1, output.IndexOfAny(Raw));
        Assert.Equal(-1, err.IndexOfAny(Raw));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Json_and_sarif_encode_controls_and_bidi_and_keep_the_value(string format)
    {
        using var dir = new TempDir();
        var report = dir.File("report." + format);
        Assert.Equal(1, Cli.Run("analyze", HostileDocument(dir), "--format", format, "--output", report).Code);
        var bytes = File.ReadAllText(report);
        Assert.Equal(-1, bytes.IndexOfAny(Raw));
        Assert.Contains("\\u202e", bytes);
        var parsed = JToken.Parse(bytes);
        Assert.Contains(parsed.SelectTokens("$..*").OfType<JValue>(), v => v.Value is string s && s.Contains(HostileName, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_never_renders_bidi_overrides_or_controls_raw()
    {
        using var dir = new TempDir();
        var report = dir.File("report.html");
        Assert.Equal(1, Cli.Run("analyze", HostileDocument(dir), "--format", "html", "--output", report).Code);
        var html = File.ReadAllText(report);
        Assert.Equal(-1, html.IndexOfAny(Raw));
        Assert.Contains("\\u202E", html);
    }

    [UnixFact]
    public void A_newline_in_a_file_name_cannot_forge_a_line_in_summary_txt()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        dir.Write("in/a\nforged.json  clean \u202E.json", File.ReadAllBytes(SeedPaths.Clean));
        var outDir = dir.File("out");
        var (_, output, err) = Cli.Run("analyze", dir.File("in"), "--output-dir", outDir, "--fail-on", "none");
        var summary = File.ReadAllText(Path.Combine(outDir, "summary.txt"));
        foreach (var text in new[] { summary, output, err })
        {
            Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith("forged.json", StringComparison.Ordinal));
            Assert.Equal(-1, text.IndexOfAny(Raw));
        }
        Assert.Contains("a\\u000Aforged.json", summary);
    }
}
