using System.Globalization;
using System.Text;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// GitHub code scanning's <c>primaryLocationLineHash</c>, computed the way its upload action does
/// (github/codeql-action, <c>src/fingerprints.ts</c>, <c>hash()</c> at commit 0225834cc549ee0ca93cb085b92954821a145866):
/// for every line, a rolling polynomial hash (base 37, 64-bit wrap-around) over the first 100 characters from the
/// line's start that are not spaces or tabs — across line ends, which count as one <c>\n</c> (CR, LF and CRLF
/// alike) — with a marker after the end of the file; the value is the unsigned hash in lower-case hex, a colon,
/// and how often that hash occurred so far. Writing the value ourselves keeps SARIF logs complete for uploaders
/// that do not compute it; because it equals the action's own value, the action accepts it without a warning.
/// Tested against values the action's code produced on fixtures (tests/…/Reporting/LineHashFixtures).
/// </summary>
internal static class GitHubLineHash
{
    private const int BlockSize = 100;
    private const int EndOfFile = 65535;
    private const long Mod = 37;
    private static readonly long FirstMod = ComputeFirstMod();

    private static long ComputeFirstMod()
    {
        long f = 1;
        for (var i = 0; i < BlockSize; i++) f = unchecked(f * Mod);
        return f;
    }

    /// <summary>The hash of every wanted line (1-based) of a file; an unreadable file gives an empty map.</summary>
    /// <remarks>
    /// The file is streamed (never held whole: a 1M-person document is 146 MB) once, up to the last wanted line,
    /// keeping each line's value (8 bytes a line: 10 MB for the 1.2 million lines of that document); the ":n" counts
    /// are then taken from those values. A text of more than <see cref="MaxStoredLines"/> lines is read in two passes
    /// instead (the first learns the wanted lines' values, the second counts only those), so memory stays bounded.
    /// </remarks>
    public static IReadOnlyDictionary<int, string> OfFile(string path, IReadOnlySet<int> lines)
    {
        try
        {
            return Of(() => Open(path), lines, MaxStoredLines);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<int, string>();
        }
    }

    /// <summary>How many lines' values one pass keeps at most (64 MB) before the two-pass way is taken.</summary>
    internal const int MaxStoredLines = 8 << 20;

    /// <summary>
    /// For a file of records whose order carries no meaning (an HR export: one person per row), each wanted line's
    /// value computed the action's way over that line alone, as if it were the whole file ("hash:1"). The action's own
    /// value reads on into the following rows (100 characters) and counts earlier equal values, so reordering the
    /// export would give every unchanged row a new value and GitHub a new alert; this one depends only on the row.
    /// The upload action keeps a value it is given (it warns where the value differs from its own); see
    /// docs/result-format.md.
    /// </summary>
    public static IReadOnlyDictionary<int, string> OfRecordsFile(string path, IReadOnlySet<int> lines)
    {
        var result = new Dictionary<int, string>();
        var last = lines.Count == 0 ? 0 : lines.Max();
        try
        {
            using var reader = Open(path);
            var one = new HashSet<int> { 1 };
            for (var n = 1; n <= last && reader.ReadLine() is { } text; n++)
                if (lines.Contains(n) && Of(text, one).TryGetValue(1, out var value)) result[n] = value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<int, string>();
        }
        return result;
    }

    // The action reads the file as UTF-8 without dropping a byte-order mark, replacing invalid bytes: decode the same way.
    private static TextReader Open(string path)
        => new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);

    /// <summary>The hash of every wanted line (1-based) of a text.</summary>
    public static IReadOnlyDictionary<int, string> Of(string text, IReadOnlySet<int> lines) => Of(() => new StringReader(text), lines, MaxStoredLines);

    /// <summary>As <see cref="Of(string, IReadOnlySet{int})"/>, keeping at most <paramref name="maxStoredLines"/> values in one pass (tests take the two-pass way with a small number).</summary>
    internal static IReadOnlyDictionary<int, string> Of(string text, IReadOnlySet<int> lines, int maxStoredLines)
        => Of(() => new StringReader(text), lines, maxStoredLines);

    private static IReadOnlyDictionary<int, string> Of(Func<TextReader> open, IReadOnlySet<int> lines, int maxStoredLines)
    {
        var result = new Dictionary<int, string>();
        var last = 0;
        foreach (var l in lines) if (l > last) last = l;
        if (last == 0) return result;
        var wanted = new bool[last + 1];
        foreach (var l in lines) if (l > 0) wanted[l] = true;

        // One pass: every line's value up to the last wanted line (lines are reported in order, 1, 2, 3, …).
        var values = new List<ulong>(Math.Min(last, 1 << 16));
        var tooMany = false;
        using (var reader = open())
            Roll(reader, (line, value) =>
            {
                if (values.Count >= maxStoredLines) { tooMany = true; return false; }
                values.Add(value);
                return line < last;
            });
        if (!tooMany)
        {
            var counted = new Dictionary<ulong, int>();
            for (var line = 1; line <= last && line <= values.Count; line++)
                if (wanted[line]) counted[values[line - 1]] = 0;
            for (var line = 1; line <= last && line <= values.Count; line++)
            {
                var value = values[line - 1];
                if (!counted.TryGetValue(value, out var c)) continue;
                counted[value] = ++c;
                if (wanted[line]) result[line] = Text(value, c);
            }
            return result;
        }

        // Pass 1: the values at the wanted lines.
        var valueAt = new Dictionary<int, ulong>();
        using (var reader = open())
            Roll(reader, (line, value) =>
            {
                if (line <= last && wanted[line]) valueAt[line] = value;
                return line < last;
            });

        // Pass 2: how often each of those values occurred up to each wanted line (the action's ":n" suffix).
        var counts = new Dictionary<ulong, int>();
        foreach (var v in valueAt.Values) counts[v] = 0;
        using (var reader = open())
            Roll(reader, (line, value) =>
            {
                if (counts.TryGetValue(value, out var c)) counts[value] = ++c;
                if (line <= last && wanted[line]) result[line] = Text(value, c);
                return line < last;
            });
        return result;
    }

    private static string Text(ulong value, int count)
        => value.ToString("x", CultureInfo.InvariantCulture) + ":" + count.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The rolling hash over one text: reports each line's value (line order) to <paramref name="emit"/> until it
    /// returns false. One method with local state on purpose: this loop runs once per character of the input.
    /// </summary>
    private static void Roll(TextReader reader, Func<int, ulong, bool> emit)
    {
        var window = new int[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        long hash = 0;
        int index = 0, lineNumber = 0;
        bool lineStart = true, prevCr = false;
        var buffer = new char[1 << 16];
        int n;
        var end = false;
        while (true)
        {
            n = reader.Read(buffer, 0, buffer.Length);
            if (n == 0)
            {
                if (end) break;
                // After the text: one end-of-file marker, then zeros until every pending line is out.
                end = true;
                buffer[0] = (char)EndOfFile;
                n = 1;
            }
            for (var i = 0; i < n; i++)
            {
                int current = buffer[i];
                // Most characters are above the space: one test, then straight to the hash.
                if (current <= ' ')
                {
                    if (current == ' ' || current == '\t')
                    {
                        // Indentation is most of a pretty-printed document: skip the run at once (vectorised).
                        prevCr = false;
                        var k = buffer.AsSpan(i + 1, n - i - 1).IndexOfAnyExcept(' ', '\t');
                        i = k < 0 ? n - 1 : i + k;
                        continue;
                    }
                    if (current == '\n')
                    {
                        if (prevCr)
                        {
                            prevCr = false;
                            continue;
                        }
                    }
                    else if (current == '\r')
                    {
                        current = '\n';
                        prevCr = true;
                    }
                    else prevCr = false;
                }
                else prevCr = false;
                var pending = lineNumbers[index];
                if (pending != -1)
                {
                    lineNumbers[index] = -1;
                    if (!emit(pending, unchecked((ulong)hash))) return;
                }
                if (lineStart)
                {
                    lineStart = false;
                    lineNumbers[index] = ++lineNumber;
                }
                if (current == '\n') lineStart = true;
                var begin = window[index];
                window[index] = current;
                hash = unchecked(Mod * hash + current - FirstMod * begin);
                if (++index == BlockSize) index = 0;
            }
        }
        for (var i = 0; i < BlockSize; i++)
        {
            var pending = lineNumbers[index];
            if (pending != -1)
            {
                lineNumbers[index] = -1;
                if (!emit(pending, unchecked((ulong)hash))) return;
            }
            var begin = window[index];
            window[index] = 0;
            hash = unchecked(Mod * hash - FirstMod * begin);
            if (++index == BlockSize) index = 0;
        }
    }
}
