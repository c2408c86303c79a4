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
            return Of(() => OpenBytes(path), lines, MaxStoredLines);
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

    // The action reads the file as UTF-8 without dropping a byte-order mark, replacing invalid bytes: the line reader
    // of OfRecordsFile decodes the same way (the hash itself reads bytes, see Roll).
    private static TextReader Open(string path) => new StreamReader(OpenBytes(path), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);

    private static FileStream OpenBytes(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>The hash of every wanted line (1-based) of a text (hashed as its UTF-8 bytes, which gives the same code units for any well-formed text).</summary>
    public static IReadOnlyDictionary<int, string> Of(string text, IReadOnlySet<int> lines) => Of(text, lines, MaxStoredLines);

    /// <summary>As <see cref="Of(string, IReadOnlySet{int})"/>, keeping at most <paramref name="maxStoredLines"/> values in one pass (tests take the two-pass way with a small number).</summary>
    internal static IReadOnlyDictionary<int, string> Of(string text, IReadOnlySet<int> lines, int maxStoredLines)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Of(() => new MemoryStream(bytes, writable: false), lines, maxStoredLines);
    }

    private static IReadOnlyDictionary<int, string> Of(Func<Stream> open, IReadOnlySet<int> lines, int maxStoredLines)
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
    /// The rolling hash over one UTF-8 byte stream, decoded as the action decodes it (UTF-8, a byte-order mark kept,
    /// each invalid sequence one U+FFFD; a character beyond the BMP two UTF-16 code units): reports each line's value
    /// (line order) to <paramref name="emit"/> until it returns false. One method with local state on purpose: this
    /// loop runs once per byte of the input (146 MB at a million people). ASCII bytes are the code units themselves;
    /// runs of indentation are skipped at once; a line's value is reported when the window has moved 100 code units
    /// past its start (the pending line starts wait in a small ring, at most 100 of them).
    /// </summary>
    private static void Roll(Stream input, Func<int, ulong, bool> emit)
    {
        const int Ring = 128; // ≥ BlockSize, a power of two: positions are masked, not wrapped
        var window = new int[Ring];   // the code unit at each position (0 before the first)
        var starts = new long[Ring];  // the start positions of the lines whose value is not reported yet
        int head = 0, tail = 0;       // that queue: head = lines reported so far
        long next = -1;               // the position at which the oldest pending line's value is complete
        long hash = 0, pos = 0;
        bool lineStart = true, prevCr = false, eof = false, marked = false;
        var buffer = new byte[1 << 16];
        int i = 0, filled = 0, low = 0;
        while (true)
        {
            int current;
            if (low != 0)
            {
                current = low; // the second half of a surrogate pair
                low = 0;
            }
            else
            {
                if (i >= filled)
                {
                    if (!eof)
                    {
                        filled = input.Read(buffer, 0, buffer.Length);
                        i = 0;
                        if (filled > 0) continue;
                        eof = true;
                    }
                    if (marked) break;
                    // After the text: one end-of-file marker, then zeros until every pending line is out.
                    marked = true;
                    current = EndOfFile;
                }
                else
                {
                    int b = buffer[i];
                    if (b < 0x80)
                    {
                        if (b == ' ' || b == '\t')
                        {
                            // Indentation is most of a pretty-printed document: skip the run at once (vectorised).
                            prevCr = false;
                            var k = buffer.AsSpan(i + 1, filled - i - 1).IndexOfAnyExcept((byte)' ', (byte)'\t');
                            i = k < 0 ? filled : i + 1 + k;
                            continue;
                        }
                        i++;
                        current = b;
                    }
                    else
                    {
                        var status = Rune.DecodeFromUtf8(buffer.AsSpan(i, filled - i), out var rune, out var consumed);
                        if (status == System.Buffers.OperationStatus.NeedMoreData && !eof)
                        {
                            // A character cut by the buffer's end: keep its bytes and read on.
                            var rest = filled - i;
                            Buffer.BlockCopy(buffer, i, buffer, 0, rest);
                            var n = input.Read(buffer, rest, buffer.Length - rest);
                            if (n == 0) eof = true;
                            filled = rest + n;
                            i = 0;
                            continue;
                        }
                        if (status != System.Buffers.OperationStatus.Done) rune = Rune.ReplacementChar;
                        i += Math.Max(1, consumed);
                        if (rune.IsBmp) current = rune.Value;
                        else
                        {
                            current = 0xD800 + ((rune.Value - 0x10000) >> 10);
                            low = 0xDC00 + ((rune.Value - 0x10000) & 0x3FF);
                        }
                    }
                }
            }
            // Line ends count as one \n: CR, LF and CRLF alike.
            if (current <= ' ')
            {
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
            if (pos == next)
            {
                if (!emit(++head, unchecked((ulong)hash))) return;
                next = head < tail ? starts[head & (Ring - 1)] + BlockSize : -1;
            }
            if (lineStart)
            {
                lineStart = false;
                starts[tail++ & (Ring - 1)] = pos;
                if (head + 1 == tail) next = pos + BlockSize;
            }
            if (current == '\n') lineStart = true;
            var begin = window[(pos - BlockSize) & (Ring - 1)];
            window[pos & (Ring - 1)] = current;
            hash = unchecked(Mod * hash + current - FirstMod * begin);
            pos++;
        }
        for (var k = 0; k < BlockSize; k++)
        {
            if (pos == next)
            {
                if (!emit(++head, unchecked((ulong)hash))) return;
                next = head < tail ? starts[head & (Ring - 1)] + BlockSize : -1;
            }
            var begin = window[(pos - BlockSize) & (Ring - 1)];
            window[pos & (Ring - 1)] = 0;
            hash = unchecked(Mod * hash - FirstMod * begin);
            pos++;
        }
    }
}
