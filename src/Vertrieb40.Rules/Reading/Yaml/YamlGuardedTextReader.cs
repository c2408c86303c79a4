using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading.Json;

namespace Vertrieb40.Rules.Reading.Yaml;

/// <summary>
/// The YAML side of <see cref="GuardedTextReader"/>: YamlDotNet's scanner keeps a whole scalar (or skips a whole
/// comment) before the parser sees it, so the limit has to act on the text as it streams in. The parser reports the
/// offset of every event it produced; text that runs on much longer than <see cref="ReaderOptions.MaxStringLength"/>
/// since the last event is one huge scalar or comment, and reading stops there — before it is in memory whole.
/// It also counts the document's length and finds invalid UTF-8 with its position.
/// </summary>
internal sealed class YamlGuardedTextReader(TextReader inner, ReaderOptions options, CountingUtf8Fallback? utf8) : TextReader
{
    // Lookahead the scanner may need beyond one token (a simple key is at most 1024 characters).
    private const int Slack = 4096;

    private readonly long _maxChars = options.MaxFileBytes;
    private readonly long _maxGap = (long)options.MaxStringLength + Slack;
    private long _total;
    private long _lastEvent;
    private int _line = 1, _column;
    private int _eventLine = 1, _eventColumn = 1;
    private bool _afterCarriageReturn;

    /// <summary>The parser produced an event ending at this text offset.</summary>
    public void Progress(YamlDotNet.Core.Mark end)
    {
        if (end.Index <= _lastEvent) return;
        _lastEvent = end.Index;
        _eventLine = (int)Math.Max(1, end.Line);
        _eventColumn = (int)Math.Max(1, end.Column);
    }

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Scan((char)c);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        for (var i = 0; i < n; i++) Scan(buffer[i]);
        return n;
    }

    private void Scan(char c)
    {
        if (++_total > _maxChars)
            throw new InputRejectedException(InputDescriptors.LimitExceeded, new SourcePosition(_line, Math.Max(1, _column)),
                $"the document is longer than {_maxChars:N0} characters (ReaderOptions.MaxFileBytes)");
        if (c == '\n')
        {
            if (!_afterCarriageReturn) _line++;
            _column = 0;
            _afterCarriageReturn = false;
        }
        else if (c == '\r') { _line++; _column = 0; _afterCarriageReturn = true; }
        else { _column++; _afterCarriageReturn = false; }
        if (c == CountingUtf8Fallback.Marker && utf8 is { Count: > 0 })
            throw new InputRejectedException(InputDescriptors.InvalidJson, new SourcePosition(_line, Math.Max(1, _column)),
                "the file is not valid UTF-8 (bytes that are not a character)");
        if (_total - _lastEvent > _maxGap)
            throw new InputRejectedException(InputDescriptors.LimitExceeded, new SourcePosition(_eventLine, _eventColumn),
                $"a scalar or comment after this point is longer than {options.MaxStringLength:N0} characters (ReaderOptions.MaxStringLength); reading stopped");
    }
}
