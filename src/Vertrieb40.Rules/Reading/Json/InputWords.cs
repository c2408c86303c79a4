using System.Globalization;
using Newtonsoft.Json;

namespace Vertrieb40.Rules.Reading.Json;

/// <summary>
/// A phrase inside an input message (what a value must be, what the document holds, where it stands): English in
/// English and in machine-readable output, German in German messages — so that a German message never reads
/// "„id“ muss a string sein".
/// </summary>
internal sealed class InputPhrase(string english, string german) : IFormattable
{
    /// <summary>The English phrase.</summary>
    public override string ToString() => english;

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider)
        => formatProvider is CultureInfo { TwoLetterISOLanguageName: "de" } ? german : english;
}

/// <summary>The phrases of the JSON (and YAML) reader's messages, in both languages.</summary>
internal static class InputWords
{
    // The kinds of things a document lists, with their German noun and its gender (for the article).
    private static readonly Dictionary<string, (string Noun, char Gender)> Kinds = new(StringComparer.Ordinal)
    {
        ["unit"] = ("Einheit", 'f'),
        ["person"] = ("Person", 'f'),
        ["role"] = ("Rolle", 'f'),
        ["offering"] = ("Angebot", 'n'),
        ["approval policy"] = ("Genehmigungsrichtlinie", 'f'),
        ["channel"] = ("Kanal", 'm'),
        ["culture statement"] = ("Kulturaussage", 'f'),
        ["decision right"] = ("Entscheidungsrecht", 'n'),
        ["forecast"] = ("Forecast", 'm'),
        ["hand-over"] = ("Übergabe", 'f'),
        ["incentive plan"] = ("Anreizsystem", 'n'),
        ["meeting"] = ("Meeting", 'n'),
        ["process"] = ("Prozess", 'm'),
        ["recognition programme"] = ("Anerkennungsprogramm", 'n'),
        ["target"] = ("Ziel", 'n'),
        ["tool roll-out"] = ("Tool-Einführung", 'f'),
        ["funnel step"] = ("Funnel-Schritt", 'm'),
        ["suppression"] = ("Unterdrückung", 'f'),
        ["threshold"] = ("Schwelle", 'f'),
        ["approval step"] = ("Genehmigungsschritt", 'm'),
        ["exception"] = ("Ausnahme", 'f'),
    };

    public static readonly InputPhrase TheDocument = new("the document", "das Dokument");
    public static readonly InputPhrase AnObject = new("an object", "ein Objekt");
    public static readonly InputPhrase AnArray = new("an array", "ein Array");
    public static readonly InputPhrase AString = new("a string", "eine Zeichenkette");
    public static readonly InputPhrase AStringId = new("a string (an id)", "eine Zeichenkette (eine ID)");
    public static readonly InputPhrase TrueOrFalse = new("true or false", "true oder false");
    public static readonly InputPhrase ANumber = new("a number", "eine Zahl");
    public static readonly InputPhrase AWholeNumber = new("a whole number", "eine ganze Zahl");
    public static readonly InputPhrase ARequiredValue = new("a value (it is required)", "ein Wert (die Angabe ist Pflicht)");
    public static readonly InputPhrase ANonEmptyString = new("a non-empty string", "eine nicht leere Zeichenkette");
    public static readonly InputPhrase ANonEmptyJustification = new("a non-empty justification", "eine nicht leere Begründung");

    /// <summary>What the document holds where something else was expected (the object of "the document has …").</summary>
    public static InputPhrase Found(JsonToken token) => token switch
    {
        JsonToken.StartObject => AnObject,
        JsonToken.StartArray => AnArray,
        JsonToken.String => AString,
        JsonToken.Integer or JsonToken.Float => ANumber,
        JsonToken.Boolean => new("a boolean", "einen Wahrheitswert"),
        JsonToken.Null => new("null", "null"),
        JsonToken.Undefined => new("undefined (not JSON)", "undefined (kein JSON)"),
        JsonToken.Comment => new("a comment", "einen Kommentar"),
        _ => new(token.ToString(), token.ToString()),
    };

    /// <summary>"an object (one unit)".</summary>
    public static InputPhrase ObjectOne(string kind) => new("an object (one " + kind + ")", "ein Objekt (" + Indefinite(kind) + ")");

    /// <summary>"an object (a funnel step)": <paramref name="kindWithArticle"/> is the English kind with its article.</summary>
    public static InputPhrase ObjectAs(string kindWithArticle) => new("an object (" + kindWithArticle + ")", "ein Objekt (" + Indefinite(StripArticle(kindWithArticle)) + ")");

    /// <summary>Where a property stands, for "in {0}": "a unit" → "einer Einheit"; a property name stays as it is.</summary>
    public static InputPhrase Where(string where)
    {
        if (where == "the document") return new(where, "dem Dokument");
        var kind = StripArticle(where);
        return kind != where && Kinds.TryGetValue(kind, out var k) ? new(where, (k.Gender == 'f' ? "einer " : "einem ") + k.Noun) : new(where, where);
    }

    /// <summary>A located label such as "Unit /units/3" (the subject of "… needs the property …").</summary>
    public static InputPhrase Label(string kind, string pointer)
        => new(char.ToUpperInvariant(kind[0]) + kind[1..] + " " + pointer, (Kinds.TryGetValue(kind, out var k) ? k.Noun : kind) + " " + pointer);

    /// <summary>"The document" as the subject of a sentence.</summary>
    public static readonly InputPhrase TheDocumentSubject = new("The document", "Das Dokument");

    /// <summary>"a whole number from 0 to 10", "a number from 0 to any size".</summary>
    public static InputPhrase NumberRange(bool integer, double min, double max)
    {
        var from = min.ToString(CultureInfo.InvariantCulture);
        var to = max == double.MaxValue ? null : max.ToString(CultureInfo.InvariantCulture);
        var english = (integer ? "a whole number" : "a number") + " from " + from + " to " + (to ?? "any size");
        var german = (integer ? "eine ganze Zahl" : "eine Zahl") + (to is null ? " ab " + from : " von " + from + " bis " + to);
        return new(english, german);
    }

    /// <summary>"one of a, b, c" (the values are the document's own words and stay as they are).</summary>
    public static InputPhrase OneOf(string list) => new("one of " + list, "einer der Werte " + list);

    /// <summary>"a date like 2026-03-31" (given in English, as the reader's callers write it).</summary>
    public static InputPhrase DateLike(string english)
        => new(english, english.StartsWith("a date like ", StringComparison.Ordinal) ? "ein Datum wie " + english["a date like ".Length..] : english);

    /// <summary>The value of a second property of the same name: "a second 'x'".</summary>
    public static InputPhrase ASecond(string name) => new("a second '" + name + "'", "ein zweites „" + name + "“");

    /// <summary>"'x' once in a unit (the first is at line 3)".</summary>
    public static InputPhrase Once(string name, string where, int firstLine)
        => new($"'{name}' once in {where} (the first is at line {firstLine})",
            $"„{name}“ nur einmal in {Where(where).ToString(null, CultureInfo.GetCultureInfo("de"))} (das erste steht in Zeile {firstLine})");

    private static string StripArticle(string phrase)
        => phrase.StartsWith("a ", StringComparison.Ordinal) ? phrase[2..]
            : phrase.StartsWith("an ", StringComparison.Ordinal) ? phrase[3..]
            : phrase;

    private static string Indefinite(string kind)
        => Kinds.TryGetValue(kind, out var k) ? (k.Gender == 'f' ? "eine " : "ein ") + k.Noun : kind;
}
