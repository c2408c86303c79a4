using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading.Json;

/// <summary>
/// Sits between the decoded text and <c>JsonTextReader</c>, finds invalid UTF-8 with its position, and enforces the size limits <em>before</em> the
/// JSON reader buffers anything: Newtonsoft keeps a whole token (a string, a number, a comment, an unquoted
/// name) in one growing char buffer, so a 100 MB string would cost several hundred MB before any check after
/// the token could run. This reader follows the token structure (strings in either quote, escapes, comments)
/// as the characters pass through and stops at the first token longer than
/// <see cref="ReaderOptions.MaxStringLength"/> (decoded characters) and once the text is longer than
/// <see cref="ReaderOptions.MaxFileBytes"/> characters (for streams whose length is not known up front).
/// Peak memory for a hostile token is therefore a few times the limit, independent of the file size.
/// </summary>
internal sealed class GuardedTextReader(TextReader inner, ReaderOptions options, CountingUtf8Fallback? utf8 = null) : TextReader
{
    private enum State : byte { Outside, Slash, InString, Escape, Unicode, LineComment, BlockComment, BlockCommentStar, Bare }

    private readonly long _maxChars = options.MaxFileBytes;
    private readonly int _maxToken = options.MaxStringLength;
    private State _state = State.Outside;
    private char _quote;
    private int _unicodeLeft;
    private long _total;
    private long _tokenLength;
    private int _line = 1, _column;
    private int _tokenLine, _tokenColumn;
    private bool _afterCarriageReturn;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0) Scan(buffer[..n]);
        return n;
    }

    private void Scan(ReadOnlySpan<char> chunk)
    {
        _total += chunk.Length;
        if (_total > _maxChars)
            throw new InputRejectedException(InputDescriptors.LimitExceeded, new SourcePosition(_line, Math.Max(1, _column)),
                $"the document is longer than {_maxChars:N0} characters (ReaderOptions.MaxFileBytes)");
        for (var i = 0; i < chunk.Length; i++)
        {
            // Most of a document is the inside of strings: skip a run of ordinary characters at once (vectorised),
            // counting it against the token limit and the column; what ends the run is handled one by one below.
            if (_state == State.InString)
            {
                var rest = chunk[i..];
                var run = rest.IndexOfAny(StringStops);
                if (run < 0) run = rest.Length;
                if (run > 0)
                {
                    _column += run;
                    _afterCarriageReturn = false;
                    CountRun(run);
                    i += run;
                    if (i == chunk.Length) break;
                }
            }
            var c = chunk[i];
            // Line and column as JsonTextReader counts them: \n, \r and \r\n each end a line.
            if (c == '\n')
            {
                if (!_afterCarriageReturn) { _line++; }
                _column = 0;
                _afterCarriageReturn = false;
            }
            else if (c == '\r') { _line++; _column = 0; _afterCarriageReturn = true; }
            else { _column++; _afterCarriageReturn = false; }

            // The decoder marks invalid UTF-8 (see CountingUtf8Fallback); decoding runs ahead of this scan.
            if (c == CountingUtf8Fallback.Marker && utf8 != null && utf8.Count > 0)
                throw new InputRejectedException(InputDescriptors.InvalidJson, new SourcePosition(_line, Math.Max(1, _column)),
                    "the file is not valid UTF-8 (bytes that are not a character)");

            switch (_state)
            {
                case State.Outside:
                    Outside(c);
                    break;
                case State.Slash:
                    if (c == '*') { _state = State.BlockComment; }
                    else if (c == '/') { _state = State.LineComment; }
                    else { _state = State.Outside; Outside(c); } // not a comment: the JSON reader reports it
                    break;
                case State.InString:
                    if (c == '\\') _state = State.Escape;
                    else if (c == _quote) _state = State.Outside;
                    else Count();
                    break;
                case State.Escape:
                    Count();
                    if (c == 'u') { _state = State.Unicode; _unicodeLeft = 4; }
                    else _state = State.InString;
                    break;
                case State.Unicode:
                    if (--_unicodeLeft == 0) _state = State.InString;
                    break;
                case State.LineComment:
                    if (c is '\n' or '\r') _state = State.Outside;
                    else Count();
                    break;
                case State.BlockComment:
                    if (c == '*') _state = State.BlockCommentStar;
                    else Count();
                    break;
                case State.BlockCommentStar:
                    if (c == '/') _state = State.Outside;
                    else if (c != '*') { _state = State.BlockComment; Count(); }
                    break;
                case State.Bare:
                    if (IsDelimiter(c)) { _state = State.Outside; Outside(c); }
                    else Count();
                    break;
            }
        }
    }

    private void Outside(char c)
    {
        if (c is '"' or '\'') { Start(State.InString); _quote = c; }
        else if (c == '/') Start(State.Slash);
        else if (!IsDelimiter(c)) { Start(State.Bare); Count(); }
    }

    private static bool IsDelimiter(char c) => c is '{' or '}' or '[' or ']' or ',' or ':' or '(' or ')' or '"' or '\'' or '/' || char.IsWhiteSpace(c);

    private void Start(State state)
    {
        _state = state;
        _tokenLength = 0;
        _tokenLine = _line;
        _tokenColumn = _column;
    }

    // Characters that end a run inside a string: either quote, an escape, a line end, the invalid-UTF-8 marker.
    private static readonly System.Buffers.SearchValues<char> StringStops = System.Buffers.SearchValues.Create("\"'\\\n\r" + CountingUtf8Fallback.Marker);

    private void CountRun(int run)
    {
        if ((_tokenLength += run) <= _maxToken) return;
        _tokenLength = _maxToken;
        Count(); // over the limit: reported as for one character
    }

    private void Count()
    {
        if (++_tokenLength <= _maxToken) return;
        var what = _state switch
        {
            State.InString or State.Escape or State.Unicode => "a string",
            State.LineComment or State.BlockComment or State.BlockCommentStar => "a comment",
            _ => "a number or unquoted word",
        };
        throw new InputRejectedException(InputDescriptors.LimitExceeded, new SourcePosition(_tokenLine, Math.Max(1, _tokenColumn)),
            $"{what} is longer than {_maxToken:N0} characters (ReaderOptions.MaxStringLength); reading stopped");
    }
}

/// <summary>Thrown by <see cref="GuardedTextReader"/>: a size limit was reached (VT0010) or the bytes are not UTF-8 (VT0001).</summary>
internal sealed class InputRejectedException(DiagnosticDescriptor descriptor, SourcePosition position, string reason) : Exception(reason)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;
    public SourcePosition Position { get; } = position;
}

/// <summary>
/// Decodes invalid UTF-8 as U+FFFD and counts each time it did, so that <see cref="GuardedTextReader"/> can
/// report the line and column of the bad bytes (an exception from the decoder would only say "somewhere in
/// this 64 KiB block"). .NET rejects fallback output that is not valid UTF-16, so the marker has to be a real
/// character: a U+FFFD that the file itself holds a few characters before the bad bytes can take the blame
/// in their place — the error is still reported, only its column is then early.
/// </summary>
internal sealed class CountingUtf8Fallback : DecoderFallback
{
    public const char Marker = '\uFFFD';

    /// <summary>How many invalid byte sequences were decoded so far.</summary>
    public long Count { get; private set; }

    public override int MaxCharCount => 1;
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingUtf8Fallback owner) : DecoderFallbackBuffer
    {
        private int _left;
        public override int Remaining => _left;
        public override bool Fallback(byte[] bytesUnknown, int index) { owner.Count++; _left = 1; return true; }
        public override char GetNextChar() => _left-- > 0 ? Marker : '\0';
        public override bool MovePrevious() { if (_left != 0) return false; _left = 1; return true; }
        public override void Reset() => _left = 0;
    }
}
