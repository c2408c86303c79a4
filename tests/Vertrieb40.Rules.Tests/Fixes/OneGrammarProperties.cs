using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Fixes;

/// <summary>
/// One grammar (issue 13): the fixer accepts every document the reader accepts. `vertrieb40 fix` exited 3
/// (FormatException) on documents `analyze` read without errors: comments and single-quoted strings.
/// </summary>
public class OneGrammarProperties
{
    private static readonly string Classic = File.ReadAllText(SeedPaths.Classic);

    // Rewrites the classic seed the way hand-written documents look: line and block comments where whitespace
    // may stand, and single quotes on some names and plain string values. Which places change follows the seed.
    private static string Variant(int seed)
    {
        var rng = new Random(seed);
        var lines = Classic.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            line = Regex.Replace(line, "\"([A-Za-z0-9_]+)\":", m => rng.Next(3) == 0 ? $"'{m.Groups[1].Value}':" : m.Value);
            line = Regex.Replace(line, ": \"([^\"\\\\']*)\"", m => rng.Next(3) == 0 ? $": '{m.Groups[1].Value}'" : m.Value);
            line = Regex.Replace(line, "\": ", m => rng.Next(8) == 0 ? "\": /* note */ " : m.Value);
            if (line.TrimEnd().EndsWith(',') || line.TrimEnd().EndsWith('{') || line.TrimEnd().EndsWith('['))
                if (rng.Next(5) == 0) line = line.TrimEnd() + " // comment, with \"quotes\" and 'apostrophes'";
            lines[i] = line;
        }
        return "// an organisation written by hand\n" + string.Join('\n', lines);
    }

    [Property(MaxTest = 12)]
    public Property Every_document_the_reader_accepts_can_be_fixed_and_read_again(int seed)
    {
        var text = Variant(seed);
        var load = OrganizationReader.ReadString(text, "hand-written.json");
        // The variants only use what the reader accepts (comments anywhere, single quotes): each must read.
        if (load.HasErrors) return false.Label("the reader rejected a variant: " + string.Join("; ", load.Diagnostics.Take(2)));
        var fixedResult = OrganizationFixer.Fix(text, "hand-written.json");
        var again = OrganizationReader.ReadString(fixedResult.Fixed.Text, "hand-written.json");
        return (fixedResult.Applied.Count > 0 && fixedResult.Changed && !again.HasErrors)
            .Label($"applied {fixedResult.Applied.Count}, re-read errors: {string.Join("; ", again.Diagnostics.Take(2))}");
    }

    [Theory]
    [InlineData("// before the root\n{\"schemaVersion\": \"1.0\", \"organization\": {\"name\": \"X\"}}")]
    [InlineData("/* before */ {\"schemaVersion\": \"1.0\", \"organization\": {\"name\": \"X\"}} // after the root\n/* and more */\n")]
    public void Comments_before_and_after_the_root_are_read(string text)
    {
        // The reader rejected a comment before the root object ("must be an object, but the document has Comment").
        var load = OrganizationReader.ReadString(text, "hand-written.json");
        Assert.False(load.HasErrors, string.Join("; ", load.Diagnostics));
        Assert.Equal("X", load.Organization!.Name);
    }

    [Fact]
    public void Content_after_a_trailing_comment_is_still_an_error()
    {
        var load = OrganizationReader.ReadString("{\"schemaVersion\": \"1.0\", \"organization\": {\"name\": \"X\"}} // c\n{}", "x.json");
        Assert.True(load.HasErrors);
        Assert.Contains(load.Diagnostics, d => d.Id == "VT0001" && d.GetMessage().Contains("after", StringComparison.Ordinal));
    }

    [Fact]
    public void Comments_and_single_quotes_are_read_by_the_fixer()
    {
        var text = Variant(7);
        Assert.Contains("/* note */", text, StringComparison.Ordinal);
        Assert.Contains("'", text, StringComparison.Ordinal);
        Assert.False(OrganizationReader.ReadString(text, "hand-written.json").HasErrors);
        var result = OrganizationFixer.Fix(text, "hand-written.json");
        Assert.NotEmpty(result.Applied);
        // Comments the fixes do not touch stay as written.
        Assert.StartsWith("// an organisation written by hand\n", result.Fixed.Text, StringComparison.Ordinal);
    }
}
