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
    public static IReadOnlyDictionary<int, string> OfFile(string path, IReadOnlySet<int> lines)
    {
        try
        {
            // The action reads the file as UTF-8 without dropping a byte-order mark: decode the same way.
            var text = new UTF8Encoding(false, false).GetString(File.ReadAllBytes(path));
            return Of(text, lines);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<int, string>();
        }
    }

    /// <summary>The hash of every wanted line (1-based) of a text.</summary>
    public static IReadOnlyDictionary<int, string> Of(string text, IReadOnlySet<int> lines)
    {
        var result = new Dictionary<int, string>();
        var window = new int[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        long hash = 0;
        var index = 0;
        var lineNumber = 0;
        var lineStart = true;
        var prevCr = false;
        var counts = new Dictionary<ulong, int>();

        void Output()
        {
            var value = unchecked((ulong)hash);
            counts[value] = counts.TryGetValue(value, out var c) ? c + 1 : 1;
            var line = lineNumbers[index];
            if (lines.Contains(line))
                result[line] = value.ToString("x", CultureInfo.InvariantCulture) + ":" + counts[value].ToString(CultureInfo.InvariantCulture);
            lineNumbers[index] = -1;
        }

        void Update(int current)
        {
            var begin = window[index];
            window[index] = current;
            hash = unchecked(Mod * hash + current - FirstMod * begin);
            index = (index + 1) % BlockSize;
        }

        void Process(int current)
        {
            if (current == ' ' || current == '\t' || (prevCr && current == '\n'))
            {
                prevCr = false;
                return;
            }
            if (current == '\r')
            {
                current = '\n';
                prevCr = true;
            }
            else prevCr = false;
            if (lineNumbers[index] != -1) Output();
            if (lineStart)
            {
                lineStart = false;
                lineNumber++;
                lineNumbers[index] = lineNumber;
            }
            if (current == '\n') lineStart = true;
            Update(current);
        }

        foreach (var ch in text) Process(ch);
        Process(EndOfFile);
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineNumbers[index] != -1) Output();
            Update(0);
        }
        return result;
    }
}
