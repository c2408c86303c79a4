using System.Globalization;
using System.Text;

namespace Vertrieb40.Rules.Text;

/// <summary>RFC 6901 JSON Pointers.</summary>
internal static class JsonPointer
{
    /// <summary>Formats segments (property names and array indices) as a pointer.</summary>
    public static string Format(IEnumerable<object> segments)
    {
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            sb.Append('/');
            if (s is int i) sb.Append(i.ToString(CultureInfo.InvariantCulture));
            else sb.Append(Escape(s.ToString() ?? ""));
        }
        return sb.ToString();
    }

    /// <summary>Escapes one segment ('~' → '~0', '/' → '~1').</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Appends a segment to a pointer.</summary>
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    /// <summary>Appends an index to a pointer.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits a pointer into unescaped segments.</summary>
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (string.IsNullOrEmpty(pointer)) return Array.Empty<string>();
        if (pointer[0] != '/') throw new FormatException($"A JSON Pointer starts with '/': '{pointer}'.");
        return pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }
}
