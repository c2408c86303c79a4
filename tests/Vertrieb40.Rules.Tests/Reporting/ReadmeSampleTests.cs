using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reporting;

/// <summary>
/// The README's sample output is the real output: the block between <c>&lt;!-- sample: COMMAND --&gt;</c> and
/// <c>&lt;!-- end sample --&gt;</c> is checked against a run of that command. Lines of the block appear in the
/// output in the same order, as contiguous runs separated by <c>…</c>; the last run is the output's end.
/// </summary>
public class ReadmeSampleTests
{
    [Fact]
    public void Readme_sample_output_matches_a_real_run()
    {
        var readme = File.ReadAllText(Path.Combine(SeedPaths.Root, "README.md")).Replace("\r\n", "\n");
        const string open = "<!-- sample: vertrieb40 ";
        var start = readme.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no sample block");
        var commandEnd = readme.IndexOf(" -->", start, StringComparison.Ordinal);
        var args = readme[(start + open.Length)..commandEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var fenceStart = readme.IndexOf("```\n", commandEnd, StringComparison.Ordinal) + 4;
        var fenceEnd = readme.IndexOf("\n```", fenceStart, StringComparison.Ordinal);
        Assert.True(readme.IndexOf("<!-- end sample -->", fenceEnd, StringComparison.Ordinal) > fenceEnd);
        var block = readme[fenceStart..fenceEnd].Split('\n');

        // Paths in the README are relative to the repository root; the test runs from its output folder.
        var rooted = args.Select(a => a.StartsWith("seeds/", StringComparison.Ordinal) ? Path.Combine(SeedPaths.Root, a) : a).ToArray();
        var o = new StringWriter();
        Program.Run(rooted, o, new StringWriter());
        var actual = o.ToString().Replace(SeedPaths.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

        var segments = new List<List<string>> { new() };
        foreach (var line in block)
            if (line == "…") segments.Add(new List<string>());
            else segments[^1].Add(line);
        var at = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            var seg = segments[s];
            if (seg.Count == 0) continue;
            var found = -1;
            for (var i = at; i + seg.Count <= actual.Length && found < 0; i++)
                if (actual.Skip(i).Take(seg.Count).SequenceEqual(seg)) found = i;
            Assert.True(found >= 0, "README sample drifted from the real output; this part is not in it:\n" + string.Join("\n", seg)
                + "\n\nreal output (end):\n" + string.Join("\n", actual.TakeLast(20)));
            at = found + seg.Count;
            if (s == segments.Count - 1) Assert.True(at == actual.Length, "the README sample must end where the real output ends");
        }
    }
}
