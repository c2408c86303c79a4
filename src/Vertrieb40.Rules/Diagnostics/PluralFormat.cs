using System.Globalization;
using System.Text;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// Plural-aware placeholders in message formats: <c>{1:plural:one=# person|other=# people}</c> becomes
/// "1 person" or "4 people" (German: <c>{1:plural:one=# Person|other=# Personen}</c>). <c>#</c> stands for the
/// number in the reader's culture. English and German both know only "one" (exactly 1) and "other", so the
/// forms are chosen by that; any other form name is ignored. Forms may contain no braces. Everything else in
/// the format is left to <see cref="string.Format(IFormatProvider, string, object[])"/>.
/// </summary>
internal static class PluralFormat
{
    private const string Marker = ":plural:";

    /// <summary>The format with every plural placeholder replaced by the form its argument's number needs.</summary>
    public static string Apply(string format, IReadOnlyList<object?> arguments, CultureInfo culture)
    {
        if (!format.Contains(Marker, StringComparison.Ordinal)) return format;
        var result = new StringBuilder(format.Length);
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                result.Append(c).Append(c); // an escaped brace stays escaped for string.Format
                i += 2;
                continue;
            }
            if (c == '{' && TryReadPlural(format, i, out var index, out var forms, out var end) && index < arguments.Count)
            {
                result.Append(Choose(arguments[index], forms, culture).Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
                i = end + 1;
                continue;
            }
            result.Append(c);
            i++;
        }
        return result.ToString();
    }

    private static bool TryReadPlural(string format, int start, out int index, out string forms, out int end)
    {
        index = 0;
        forms = "";
        end = format.IndexOf('}', start + 1);
        var digitsEnd = start + 1;
        while (digitsEnd < format.Length && char.IsAsciiDigit(format[digitsEnd])) digitsEnd++;
        if (end < 0 || digitsEnd == start + 1 || string.CompareOrdinal(format, digitsEnd, Marker, 0, Marker.Length) != 0) return false;
        if (!int.TryParse(format.AsSpan(start + 1, digitsEnd - start - 1), NumberStyles.None, CultureInfo.InvariantCulture, out index)) return false;
        forms = format.Substring(digitsEnd + Marker.Length, end - digitsEnd - Marker.Length);
        return true;
    }

    private static string Choose(object? argument, string forms, CultureInfo culture)
    {
        string? one = null, other = null;
        foreach (var part in forms.Split('|'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var name = part[..eq].Trim();
            if (name == "one") one = part[(eq + 1)..];
            else if (name == "other") other = part[(eq + 1)..];
        }
        var isOne = argument is int or long or short or byte or uint or ulong or ushort or sbyte && Convert.ToDecimal(argument, CultureInfo.InvariantCulture) == 1;
        var form = (isOne ? one : other) ?? other ?? one ?? "#";
        var number = argument is IFormattable f ? f.ToString(null, culture) : argument?.ToString() ?? "";
        return form.Replace("#", number, StringComparison.Ordinal);
    }
}
