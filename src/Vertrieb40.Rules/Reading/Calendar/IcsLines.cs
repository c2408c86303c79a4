using System.Text;

namespace Vertrieb40.Rules.Reading.Calendar;

/// <summary>
/// The content lines of an iCalendar file (RFC 5545 §3.1), unfolded, each with the physical line it starts on, so
/// that every problem and every meeting points at its place in the file. Bounded before anything is parsed: a
/// physical line, an unfolded line and the number of continuation lines each have a limit (a "folded-line bomb" of
/// a million one-space continuations adds no characters, so it is counted by lines, not by length).
/// CRLF, LF and a lone CR all end a line (exports from different tools mix them).
/// </summary>
internal sealed class IcsLines(TextReader text, int maxLineLength)
{
    /// <summary>The most continuation lines one content line may have.</summary>
    internal const int MaxContinuations = 10_000;

    private readonly StringBuilder _physical = new();
    private string? _peeked;
    private int _peekedLine;
    private int _nextLine = 1;
    private bool _ended;

    /// <summary>The next content line and the line it starts on; null at the end of the file.</summary>
    /// <exception cref="IcsLimitException">A line is longer, or folded more often, than the limits allow.</exception>
    public (string Text, int Line)? Next()
    {
        var (first, line) = _peeked is { } p ? (p, _peekedLine) : ReadPhysical();
        _peeked = null;
        if (first is null) return null;
        StringBuilder? unfolded = null;
        var continuations = 0;
        while (true)
        {
            var (next, nextLine) = ReadPhysical();
            if (next is null || next.Length == 0 || next[0] is not (' ' or '\t'))
            {
                _peeked = next;
                _peekedLine = nextLine;
                break;
            }
            if (++continuations > MaxContinuations)
                throw new IcsLimitException(line, $"the content line starting at line {line} is folded over more than {MaxContinuations:N0} lines");
            unfolded ??= new StringBuilder(first);
            if (unfolded.Length + next.Length - 1 > maxLineLength)
                throw new IcsLimitException(line, $"the content line starting at line {line} is longer than {maxLineLength:N0} characters once unfolded (ReaderOptions.MaxStringLength)");
            unfolded.Append(next, 1, next.Length - 1);
        }
        return (unfolded?.ToString() ?? first, line);
    }

    private (string? Text, int Line) ReadPhysical()
    {
        if (_ended) return (null, _nextLine);
        _physical.Clear();
        var line = _nextLine;
        while (true)
        {
            var c = text.Read();
            if (c < 0)
            {
                _ended = true;
                return _physical.Length == 0 ? (null, line) : (_physical.ToString(), line);
            }
            if (c == '\n' || c == '\r')
            {
                if (c == '\r' && text.Peek() == '\n') text.Read();
                _nextLine++;
                return (_physical.ToString(), line);
            }
            if (_physical.Length >= maxLineLength)
                throw new IcsLimitException(line, $"line {line} is longer than {maxLineLength:N0} characters (ReaderOptions.MaxStringLength)");
            _physical.Append((char)c);
        }
    }

    /// <summary>Splits a content line into its name (upper case) and value, skipping quoted parameter values (which may hold ':' and ';').</summary>
    public static (string Name, string Value) Split(string line)
    {
        var nameEnd = line.AsSpan().IndexOfAny(';', ':');
        var name = (nameEnd < 0 ? line : line[..nameEnd]).Trim().ToUpperInvariant();
        var quoted = false;
        for (var i = Math.Max(0, nameEnd); i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) return (name, line[(i + 1)..]);
        }
        return (name, "");
    }
}

/// <summary>A limit of <see cref="IcsLines"/> was exceeded at a line.</summary>
internal sealed class IcsLimitException(int line, string message) : Exception(message)
{
    /// <summary>The line the content line starts on.</summary>
    public int Line { get; } = line;
}
