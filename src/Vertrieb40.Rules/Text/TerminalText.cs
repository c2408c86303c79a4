using System.Text;

namespace Vertrieb40.Rules.Text;

/// <summary>
/// Makes input-derived text safe for a line-oriented channel (the text report, <c>summary.txt</c>, messages on
/// standard error, HTML text): control characters (C0 such as CR, LF, NUL, ESC — the start of ANSI and OSC
/// sequences — DEL and C1), line and paragraph separators and the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C) are replaced by a visible
/// <c>\uXXXX</c>. A newline in a unit name can then never forge a diagnostic line that CI problem matchers pick
/// up, an escape sequence never reaches the terminal, and no text is shown reordered. The one shared helper.
/// </summary>
internal static class TerminalText
{
    /// <summary>True for a character that must not reach a terminal or a line-oriented reader raw.</summary>
    public static bool IsUnsafe(char c)
        => c < 0x20 || c is >= '\u007F' and <= '\u009F'
           || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
           || c is >= '\u202A' and <= '\u202E'
           || c is >= '\u2066' and <= '\u2069';

    /// <summary>The text with every unsafe character replaced by <c>\uXXXX</c> (the text itself when there is none).</summary>
    public static string Escape(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>As <see cref="Escape(string?)"/>; with <paramref name="keepLineBreaks"/>, LF and TAB stay (for HTML, where they are only white space).</summary>
    public static string Escape(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var first = -1;
        for (var i = 0; i < text.Length; i++)
            if (IsUnsafe(text[i]) && !(keepLineBreaks && text[i] is '\n' or '\t')) { first = i; break; }
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) && !(keepLineBreaks && c is '\n' or '\t')) sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
