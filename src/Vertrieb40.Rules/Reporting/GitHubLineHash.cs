using System.Buffers.Binary;
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
    private const long Pow2 = Mod * Mod, Pow3 = Pow2 * Mod, Pow4 = Pow3 * Mod, Pow5 = Pow4 * Mod, Pow6 = Pow5 * Mod, Pow7 = Pow6 * Mod, Pow8 = Pow7 * Mod;

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
    /// loop runs once per byte of the input (146 MB at a million people).
    /// </summary>
    /// <remarks>
    /// The action's window hash over the 100 code units from a line's start equals, in the same wrap-around
    /// arithmetic, <c>P(start + 100) − P(start) · 37^100</c> with the prefix hash <c>P(n + 1) = 37 · P(n) + c(n)</c>: so
    /// each code unit costs one multiply-add (no window of the last 100), and a line's start with its prefix waits in
    /// a small ring (at most 100 of them) until the value is complete. Runs of ordinary ASCII bytes (the code units
    /// themselves) go through a tight loop that stops where the next value is due; runs of indentation are skipped at once.
    /// Compiled fully optimised at once: it runs once per file, so tiered compilation would run the long loop as
    /// on-stack-replacement code, which keeps its locals in memory.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Roll(Stream input, Func<int, ulong, bool> emit)
    {
        const int Ring = 128; // > BlockSize pending lines, a power of two
        var starts = new long[Ring];   // pending lines: the position of their first code unit …
        var prefixes = new long[Ring]; // … and the prefix hash before it
        int head = 0, tail = 1;        // the ring: head = lines reported so far; line 1 starts at 0 with prefix 0
        long next = BlockSize;         // where the oldest pending line's value is complete (-1: none pending)
        long hash = 0, pos = 0;
        bool prevCr = false, eof = false, marked = false;
        var buffer = new byte[1 << 16];
        int i = 0, filled = 0, low = 0;
        while (true)
        {
            if (pos == next)
            {
                if (!emit(head + 1, unchecked((ulong)(hash - prefixes[head & (Ring - 1)] * FirstMod)))) return;
                head++;
                next = head < tail ? starts[head & (Ring - 1)] + BlockSize : -1;
            }
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
                    if ((uint)(b - 0x21) < 0x5F)
                    {
                        // Ordinary ASCII ('!' to DEL): hash the run up to where the next value is due.
                        prevCr = false;
                        var limit = next < 0 ? filled : (int)Math.Min(filled, i + (next - pos));
                        var first = i;
                        hash = unchecked(Mod * hash + b);
                        i++;
                        // Eight ordinary bytes at a time where they are (no byte below '!' or above DEL): their part of
                        // the polynomial does not wait for the running hash, so the multiplications overlap.
                        while (i + 8 <= limit)
                        {
                            var x = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(i, 8));
                            if (((x | (x - 0x2121212121212121UL)) & 0x8080808080808080UL) != 0) break;
                            hash = unchecked(Pow8 * hash
                                + (long)(x & 0xFF) * Pow7 + (long)((x >> 8) & 0xFF) * Pow6 + (long)((x >> 16) & 0xFF) * Pow5
                                + (long)((x >> 24) & 0xFF) * Pow4 + (long)((x >> 32) & 0xFF) * Pow3 + (long)((x >> 40) & 0xFF) * Pow2
                                + (long)((x >> 48) & 0xFF) * Mod + (long)(x >> 56));
                            i += 8;
                        }
                        for (; i < limit; i++)
                        {
                            b = buffer[i];
                            if ((uint)(b - 0x21) >= 0x5F) break;
                            hash = unchecked(Mod * hash + b);
                        }
                        pos += i - first;
                        continue;
                    }
                    if (b == ' ' || b == '\t')
                    {
                        // Indentation is most of a pretty-printed document: skip the run at once (vectorised).
                        prevCr = false;
                        var k = buffer.AsSpan(i + 1, filled - i - 1).IndexOfAnyExcept((byte)' ', (byte)'\t');
                        i = k < 0 ? filled : i + 1 + k;
                        continue;
                    }
                    if (b < 0x80)
                    {
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
            hash = unchecked(Mod * hash + current);
            pos++;
            // The next line starts at the next code unit (there always is one: the end-of-file marker at the latest).
            if (current == '\n')
            {
                starts[tail & (Ring - 1)] = pos;
                prefixes[tail & (Ring - 1)] = hash;
                if (head == tail++) next = pos + BlockSize;
            }
        }
        for (var k = 0; k < BlockSize; k++)
        {
            if (pos == next)
            {
                if (!emit(head + 1, unchecked((ulong)(hash - prefixes[head & (Ring - 1)] * FirstMod)))) return;
                head++;
                next = head < tail ? starts[head & (Ring - 1)] + BlockSize : -1;
            }
            hash = unchecked(Mod * hash);
            pos++;
        }
    }
}
