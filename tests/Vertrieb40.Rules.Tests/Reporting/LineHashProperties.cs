using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Tests.Reporting;

/// <summary>
/// GitHub's line hash (issue 14 made it one pass that keeps every line's value): on random texts with indentation,
/// CR, LF, CRLF and many equal lines (so the ":n" counts matter), the one-pass and the two-pass way both equal a
/// direct reference — each line's value is the sum over the 100 non-blank characters from its start (line ends as
/// one \n, then an end-of-file marker and zeros) times 37 to the power of their distance from the window's end.
/// </summary>
public class LineHashProperties
{
    [Property(MaxTest = 200)]
    public Property One_pass_two_passes_and_the_direct_sum_agree(int seed)
    {
        var random = new Random(seed);
        var text = RandomText(random);
        var reference = Reference(text);
        var lines = reference.Keys.Where(_ => random.Next(3) > 0).ToHashSet();
        if (lines.Count == 0) lines.Add(1);
        var expected = reference.Where(kv => lines.Contains(kv.Key)).OrderBy(kv => kv.Key).ToList();
        var onePass = GitHubLineHash.Of(text, lines).OrderBy(kv => kv.Key).ToList();
        var twoPasses = GitHubLineHash.Of(text, lines, maxStoredLines: 1).OrderBy(kv => kv.Key).ToList();
        return (expected.SequenceEqual(onePass) && expected.SequenceEqual(twoPasses)).ToProperty().Label($"seed {seed}, {text.Length} characters");
    }

    /// <summary>
    /// The file is hashed from its bytes (issue 14, writers): on random bytes — ASCII, two-, three- and four-byte
    /// characters, a byte-order mark, invalid and cut sequences, some placed across the reader's 64 KiB buffer end — the
    /// values equal the definition over the text as .NET's replacing UTF-8 decoder reads it (the action's reading).
    /// </summary>
    [Property(MaxTest = 100)]
    public Property The_file_bytes_hash_as_their_decoded_text(int seed)
    {
        var random = new Random(seed);
        byte[][] pieces =
        [
            "ab"u8.ToArray(), "{\"a\":1}"u8.ToArray(), "  "u8.ToArray(), "\t"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\r"u8.ToArray(),
            [0xC3, 0xA4], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBB, 0xBF],
            [0xFF], [0xC3], [0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
        ];
        var bytes = new List<byte>();
        // Half of the cases start with padding up to just before the buffer's end, so a character is cut there.
        if (random.Next(2) == 0) bytes.AddRange(Enumerable.Repeat((byte)'x', (1 << 16) - random.Next(1, 6)));
        var count = random.Next(0, 80);
        for (var i = 0; i < count; i++) bytes.AddRange(pieces[random.Next(pieces.Length)]);
        var data = bytes.ToArray();
        var text = new UTF8Encoding(false, false).GetString(data);
        var reference = Reference(text);
        var lines = reference.Keys.Where(_ => random.Next(3) > 0).ToHashSet();
        if (lines.Count == 0) lines.Add(1);
        var path = Path.Combine(Path.GetTempPath(), $"v40-linehash-{Environment.ProcessId}-{seed}.txt");
        try
        {
            File.WriteAllBytes(path, data);
            var expected = reference.Where(kv => lines.Contains(kv.Key)).OrderBy(kv => kv.Key).ToList();
            var actual = GitHubLineHash.OfFile(path, lines).OrderBy(kv => kv.Key).ToList();
            return expected.SequenceEqual(actual).ToProperty().Label($"seed {seed}, {data.Length} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RandomText(Random random)
    {
        // Few distinct line shapes, so that equal values (and their counts) occur often.
        var shapes = new[] { "{\"a\":1}", "  x", "\tx y", "", "  ", "ä€😀", new string('z', 120), "b" };
        var ends = new[] { "\n", "\r\n", "\r" };
        var sb = new StringBuilder();
        var count = random.Next(0, 60);
        for (var i = 0; i < count; i++) sb.Append(shapes[random.Next(shapes.Length)]).Append(ends[random.Next(ends.Length)]);
        if (random.Next(2) == 0) sb.Append(shapes[random.Next(shapes.Length)]);
        return sb.ToString();
    }

    // The definition, written plainly: the stream of non-blank characters with line ends as \n, each line's value
    // taken over the 100 characters from its first.
    private static Dictionary<int, string> Reference(string text)
    {
        var stream = new List<int>();
        var starts = new List<int>();
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c is ' ' or '\t') continue;
            if (c == '\n' && i > 0 && text[i - 1] == '\r') continue;
            if (c == '\r') c = '\n';
            if (lineStart) { starts.Add(stream.Count); lineStart = false; }
            if (c == '\n') lineStart = true;
            stream.Add(c);
        }
        if (lineStart) starts.Add(stream.Count);
        stream.Add(65535);
        var result = new Dictionary<int, string>();
        var seen = new Dictionary<ulong, int>();
        for (var line = 0; line < starts.Count; line++)
        {
            ulong hash = 0;
            for (var k = 0; k < 100; k++)
            {
                var p = starts[line] + k;
                unchecked { hash = hash * 37 + (ulong)(p < stream.Count ? stream[p] : 0); }
            }
            seen[hash] = seen.GetValueOrDefault(hash) + 1;
            result[line + 1] = hash.ToString("x", CultureInfo.InvariantCulture) + ":" + seen[hash].ToString(CultureInfo.InvariantCulture);
        }
        return result;
    }
}
