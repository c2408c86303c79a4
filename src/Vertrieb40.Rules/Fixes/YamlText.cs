using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace Vertrieb40.Rules.Fixes;

/// <summary>Small helpers for editing YAML text in place: positions of lines and dashes, and how a value is written.</summary>
internal static class YamlText
{
    // Text that YAML's core schema reads back as the same string when written without quotes.
    private static readonly Regex PlainSafe = new(@"^[A-Za-z_][A-Za-z0-9_.\-/() ]*$", RegexOptions.CultureInvariant);

    /// <summary>A JSON value as YAML: a string literal without quotes where YAML reads it back unchanged; anything else as written (JSON is YAML's flow style).</summary>
    public static string Value(string json)
    {
        if (json.Length < 2 || json[0] != '"') return json;
        string? value;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json));
            value = reader.Read() && reader.TokenType == JsonToken.String ? (string?)reader.Value : null;
        }
        catch (JsonException) { return json; }
        return value != null && IsPlain(value) ? value : json;
    }

    /// <summary>A property name as YAML.</summary>
    public static string Key(string name) => IsPlain(name) ? name : JsonConvert.ToString(name);

    private static bool IsPlain(string s)
        => PlainSafe.IsMatch(s) && !s.EndsWith(' ') && !s.Contains(" #", StringComparison.Ordinal)
           && s is not ("null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "y" or "n" or "yes" or "no" or "on" or "off");

    /// <summary>The offset of the line break that ends the line holding <paramref name="offset"/> (or the text's end). A value that ends with its line break (a block scalar) ends its line there.</summary>
    public static int LineEnd(string text, int offset)
    {
        if (offset > 0 && text[offset - 1] == '\n') return offset >= 2 && text[offset - 2] == '\r' ? offset - 2 : offset - 1;
        var i = offset;
        while (i < text.Length && text[i] is not ('\n' or '\r')) i++;
        return i;
    }

    /// <summary>The start of the line after the one holding <paramref name="offset"/> (or the text's end).</summary>
    public static int NextLineStart(string text, int offset)
    {
        var i = LineEnd(text, offset);
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] == '\n') i++;
        return i;
    }

    /// <summary>The start of the line holding <paramref name="offset"/>.</summary>
    public static int LineStart(string text, int offset)
    {
        var i = offset;
        while (i > 0 && text[i - 1] is not ('\n' or '\r')) i--;
        return i;
    }

    /// <summary>The dash of a block-sequence item whose content starts at <paramref name="itemStart"/>.</summary>
    public static int DashBefore(string text, int itemStart)
    {
        var i = itemStart;
        if (i < text.Length && text[i] == '-' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))) return i;
        i--;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        return i >= 0 && text[i] == '-' ? i : itemStart;
    }

    /// <summary>Spaces as wide as the text before <paramref name="offset"/> on its line (a "- " prefix counts as indentation).</summary>
    public static string IndentOf(string text, int offset) => new(' ', offset - LineStart(text, offset));
}
