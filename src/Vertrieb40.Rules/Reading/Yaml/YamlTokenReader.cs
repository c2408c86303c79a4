using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vertrieb40.Rules.Reading.Yaml;

/// <summary>
/// Turns a YAML document into the token stream the JSON reader validates, so a YAML document goes through the
/// same checks (types, required properties, duplicates, ids, limits) and every diagnostic keeps its line, column
/// and JSON Pointer. Only YamlDotNet's event parser is used: no object is ever constructed from the input, and a
/// tag other than YAML's core ones (<c>!!str</c>, <c>!!int</c>, …) is refused rather than interpreted.
/// Scalars resolve by the YAML 1.2 core schema (so <c>no</c> stays a string; <c>~</c> is null).
/// Aliases are replayed at the alias's position within a budget, so an alias bomb ("billion laughs") stops with a
/// located error instead of expanding.
/// </summary>
internal sealed class YamlTokenReader : JsonReader, IJsonLineInfo, ITokenSource
{
    private readonly IParser _parser;
    private readonly long _aliasBudget;
    private readonly Dictionary<string, List<ParsingEvent>> _anchors = new(StringComparer.Ordinal);
    private readonly List<(string Name, List<ParsingEvent> Events, int Depth)> _recording = new();
    private readonly Stack<bool> _isMapping = new();
    private readonly Stack<bool> _expectKey = new();
    private Queue<ParsingEvent>? _replay;
    private Mark _replayMark;
    private long _replayed;
    private long _recorded;
    private bool _started;
    private bool _done;
    private Mark _start, _end;

    public YamlTokenReader(TextReader text, long aliasBudget)
    {
        _parser = new Parser(new Scanner(text, skipComments: true));
        _aliasBudget = aliasBudget;
    }

    /// <summary>Where the current token starts (the key of a property, the first character of a value).</summary>
    public SourcePosition TokenStart => Position(_start);

    /// <summary>The text of the current scalar when it was written plain (unquoted), else null.</summary>
    public string? PlainText { get; private set; }

    /// <summary>Told the text offset of every event read from the text (the guard measures the text between events).</summary>
    public Action<Mark>? Progress { get; set; }

    public bool HasLineInfo() => true;

    JsonReader ITokenSource.Reader => this;
    IJsonLineInfo ITokenSource.LineInfo => this;

    /// <summary>Start tokens: where they start; values and ends: where they end (as the JSON reader reports them).</summary>
    public int LineNumber => (TokenType is JsonToken.StartObject or JsonToken.StartArray or JsonToken.PropertyName ? _start : _end).Line is var l and > 0 ? (int)l : 1;

    public int LinePosition => (int)Math.Max(1, (TokenType is JsonToken.StartObject or JsonToken.StartArray or JsonToken.PropertyName ? _start : _end).Column);

    private static SourcePosition Position(Mark m) => new((int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));

    public override bool Read()
    {
        while (true)
        {
            if (_done) return false;
            var ev = NextEvent();
            if (ev is null)
            {
                _done = true;
                SetToken(JsonToken.None);
                return false;
            }
            switch (ev)
            {
                case StreamStart or StreamEnd or DocumentEnd:
                    continue;
                case DocumentStart:
                    // A second document in one file is "content after the end of the document", as in JSON.
                    if (!_started) { _started = true; continue; }
                    throw Error(ev.Start, "a second document ('---') follows the first; a file holds one organisation");
                case Comment:
                    continue;
                case MappingStart m:
                    if (!BeforeNode(ev)) return true;
                    CheckTag(m.Tag, ev, "tag:yaml.org,2002:map");
                    Locate(ev);
                    _isMapping.Push(true);
                    _expectKey.Push(true);
                    SetToken(JsonToken.StartObject);
                    return true;
                case SequenceStart s:
                    if (!BeforeNode(ev)) return true;
                    CheckTag(s.Tag, ev, "tag:yaml.org,2002:seq");
                    Locate(ev);
                    _isMapping.Push(false);
                    _expectKey.Push(false);
                    SetToken(JsonToken.StartArray);
                    return true;
                case MappingEnd:
                    _isMapping.Pop();
                    _expectKey.Pop();
                    Locate(ev);
                    SetToken(JsonToken.EndObject);
                    AfterValue();
                    return true;
                case SequenceEnd:
                    _isMapping.Pop();
                    _expectKey.Pop();
                    Locate(ev);
                    SetToken(JsonToken.EndArray);
                    AfterValue();
                    return true;
                case Scalar scalar:
                    Locate(ev);
                    if (_isMapping.Count > 0 && _isMapping.Peek() && _expectKey.Peek())
                    {
                        CheckTag(scalar.Tag, ev, "tag:yaml.org,2002:str");
                        PlainText = null;
                        _expectKey.Pop();
                        _expectKey.Push(false);
                        SetToken(JsonToken.PropertyName, scalar.Value);
                        return true;
                    }
                    SetScalar(scalar);
                    AfterValue();
                    return true;
                default:
                    throw Error(ev.Start, "unexpected YAML content");
            }
        }
    }

    // A mapping or a sequence where a key is expected (a complex key) is not a property name.
    private bool BeforeNode(ParsingEvent ev)
    {
        if (_isMapping.Count > 0 && _isMapping.Peek() && _expectKey.Peek())
            throw Error(ev.Start, "a property name must be a plain text, not a mapping or a list");
        return true;
    }

    private void AfterValue()
    {
        if (_isMapping.Count > 0 && _isMapping.Peek() && !_expectKey.Peek())
        {
            _expectKey.Pop();
            _expectKey.Push(true);
        }
    }

    private void Locate(ParsingEvent ev)
    {
        if (_replay != null) { _start = _end = _replayMark; return; }
        _start = ev.Start;
        _end = ev.End;
    }

    private ParsingEvent? NextEvent()
    {
        if (_replay != null)
        {
            if (_replay.Count > 0) return _replay.Dequeue();
            _replay = null;
        }
        try
        {
            if (!_parser.MoveNext()) return null;
        }
        catch (YamlException ex)
        {
            throw Error(ex.Start, Clean(ex.Message));
        }
        var ev = _parser.Current!;
        Progress?.Invoke(ev.End);
        Record(ev);
        if (ev is AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var events))
                throw Error(ev.Start, $"the alias '*{Cut(alias.Value.Value)}' refers to no anchor before it");
            _replayed += events.Count;
            if (_replayed > _aliasBudget)
                throw new InputRejectedException(InputDescriptors.LimitExceeded, Position(ev.Start),
                    $"aliases expand to more than {_aliasBudget:N0} YAML nodes (an alias bomb?); reading stopped");
            // Recording an anchor that contains this alias records the expansion too (its own events come from the queue).
            foreach (var r in _recording) { r.Events.AddRange(events); _recorded += events.Count; }
            CheckRecorded(ev);
            _replay = new Queue<ParsingEvent>(events);
            _replayMark = ev.Start;
            _start = _end = ev.Start;
            return _replay.Dequeue();
        }
        return ev;
    }

    // Anchored nodes are recorded (as events) so that an alias can replay them; recordings are bounded by the budget.
    private void Record(ParsingEvent ev)
    {
        if (ev is AnchorAlias) return;
        for (var i = 0; i < _recording.Count; i++)
        {
            _recording[i].Events.Add(ev);
            _recorded++;
        }
        CheckRecorded(ev);
        if (ev is MappingStart or SequenceStart)
            for (var i = 0; i < _recording.Count; i++) _recording[i] = _recording[i] with { Depth = _recording[i].Depth + 1 };
        else if (ev is MappingEnd or SequenceEnd)
            for (var i = _recording.Count - 1; i >= 0; i--)
            {
                var r = _recording[i] with { Depth = _recording[i].Depth - 1 };
                if (r.Depth == 0)
                {
                    _anchors[r.Name] = r.Events;
                    _recording.RemoveAt(i);
                }
                else _recording[i] = r;
            }
        if (ev is NodeEvent node && !node.Anchor.IsEmpty)
        {
            var events = new List<ParsingEvent> { ev };
            _recorded++;
            if (ev is Scalar) _anchors[node.Anchor.Value] = events;
            else _recording.Add((node.Anchor.Value, events, 1));
        }
    }

    private void CheckRecorded(ParsingEvent ev)
    {
        if (_recorded > _aliasBudget)
            throw new InputRejectedException(InputDescriptors.LimitExceeded, Position(ev.Start),
                $"anchors hold more than {_aliasBudget:N0} YAML nodes; reading stopped");
    }

    private static void CheckTag(TagName tag, ParsingEvent ev, string allowed)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || tag.Value == allowed) return;
        throw new InputRejectedException(InputDescriptors.InvalidYaml, Position(ev.Start),
            $"the YAML tag '{Cut(tag.Value)}' is not supported (tags never create objects; remove it)");
    }

    private static readonly Regex IntPattern = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private void SetScalar(Scalar scalar)
    {
        var tag = scalar.Tag;
        var value = scalar.Value;
        var plain = scalar.Style == ScalarStyle.Plain;
        PlainText = plain ? value : null;
        if (!tag.IsEmpty && !tag.IsNonSpecific)
        {
            switch (tag.Value)
            {
                case "tag:yaml.org,2002:str": PlainText = null; SetToken(JsonToken.String, value); return;
                case "tag:yaml.org,2002:null": SetToken(JsonToken.Null); return;
                case "tag:yaml.org,2002:bool" when Bool(value) is { } b: SetToken(JsonToken.Boolean, b); return;
                case "tag:yaml.org,2002:int" when IntPattern.IsMatch(value): SetInteger(value); return;
                case "tag:yaml.org,2002:float" when FloatPattern.IsMatch(value): SetToken(JsonToken.Float, double.Parse(value, CultureInfo.InvariantCulture)); return;
                default:
                    throw new InputRejectedException(InputDescriptors.InvalidYaml, Position(scalar.Start),
                        $"the YAML tag '{Cut(tag.Value)}' is not supported here (tags never create objects; remove it)");
            }
        }
        if (!plain || tag.IsNonSpecific && tag.Value == "!") { SetToken(JsonToken.String, value); return; }
        if (value is "" or "~" or "null" or "Null" or "NULL") { SetToken(JsonToken.Null); return; }
        if (Bool(value) is { } flag) { SetToken(JsonToken.Boolean, flag); return; }
        if (IntPattern.IsMatch(value)) { SetInteger(value); return; }
        if (FloatPattern.IsMatch(value)) { SetToken(JsonToken.Float, double.Parse(value, CultureInfo.InvariantCulture)); return; }
        if (value is ".inf" or ".Inf" or ".INF" or "+.inf" or "-.inf" or ".nan" or ".NaN" or ".NAN")
        {
            SetToken(JsonToken.Float, value.StartsWith('-') ? double.NegativeInfinity : value.Contains("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : double.PositiveInfinity);
            return;
        }
        SetToken(JsonToken.String, value);
    }

    private void SetInteger(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) SetToken(JsonToken.Integer, l);
        else SetToken(JsonToken.Integer, BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    private static bool? Bool(string value) => value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the position is reported separately.
    private static string Clean(string message)
    {
        var m = Regex.Replace(message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", "");
        m = m.Trim().TrimEnd('.');
        return m.Length == 0 ? "the YAML cannot be parsed" : char.ToLowerInvariant(m[0]) + m[1..];
    }

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static InputRejectedException Error(Mark at, string message)
        => new(InputDescriptors.InvalidYaml, Position(at), message);

    // JsonReader's typed readers are not used by the organisation parser.
    public override string? ReadAsString() => throw new NotSupportedException();
    public override int? ReadAsInt32() => throw new NotSupportedException();
    public override decimal? ReadAsDecimal() => throw new NotSupportedException();
    public override DateTime? ReadAsDateTime() => throw new NotSupportedException();
    public override DateTimeOffset? ReadAsDateTimeOffset() => throw new NotSupportedException();
    public override byte[]? ReadAsBytes() => throw new NotSupportedException();
    public override double? ReadAsDouble() => throw new NotSupportedException();
    public override bool? ReadAsBoolean() => throw new NotSupportedException();
}
