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

    /// <summary>
    /// <c>string.Format(culture, Apply(format, arguments, culture), arguments)</c>, without parsing the format for each
    /// message: the format with the chosen forms (a form's <c>#</c> as the argument's own placeholder, which formats the
    /// number as <see cref="Apply"/> does) is parsed once per format and choice of forms, and kept. Reports format a
    /// message per finding (40,000 at a million people) from a few dozen formats.
    /// </summary>
    /// <exception cref="FormatException">The format is not a valid composite format for these arguments.</exception>
    public static string Format(CultureInfo culture, string format, object?[] arguments)
    {
        var plurals = PluralIndexes.TryGetValue(format, out var known) ? known : Remember(PluralIndexes, format, FindPlurals(format));
        if (plurals.Length > 64) return string.Format(culture, Apply(format, arguments, culture), arguments);
        ulong ones = 0;
        for (var k = 0; k < plurals.Length; k++)
        {
            // A placeholder without its argument stays as written (Apply), which string.Format then rejects.
            if (plurals[k] >= arguments.Length) return string.Format(culture, Apply(format, arguments, culture), arguments);
            if (IsOne(arguments[plurals[k]])) ones |= 1UL << k;
        }
        if (!Parsed.TryGetValue((format, ones), out var composite))
            composite = Remember(Parsed, (format, ones), CompositeFormat.Parse(Template(format, ones)));
        return string.Format(culture, composite, arguments);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> PluralIndexes = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, ulong), CompositeFormat> Parsed = new();

    // Formats come from resources (a few hundred at most); a host that makes formats on the fly does not grow the caches.
    private static TValue Remember<TKey, TValue>(System.Collections.Concurrent.ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count < 4096) cache.TryAdd(key, value);
        return value;
    }

    // The argument index of each plural placeholder, in order (the placeholders Apply replaces).
    private static int[] FindPlurals(string format)
    {
        if (!format.Contains(Marker, StringComparison.Ordinal)) return [];
        var indexes = new List<int>();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c) i++;
            else if (c == '{' && TryReadPlural(format, i, out var index, out _, out var end))
            {
                indexes.Add(index);
                i = end;
            }
        }
        return indexes.ToArray();
    }

    // The format with the k-th plural placeholder replaced by its "one" form when bit k of ones is set, else its
    // "other" form; the form's braces escaped and each # the argument's placeholder.
    private static string Template(string format, ulong ones)
    {
        var result = new StringBuilder(format.Length);
        var k = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                result.Append(c).Append(c);
                i++;
            }
            else if (c == '{' && TryReadPlural(format, i, out var index, out var forms, out var end))
            {
                var form = ChooseForm(forms, (ones >> k++ & 1) == 1);
                result.Append(form.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)
                    .Replace("#", "{" + index.ToString(CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal));
                i = end;
            }
            else result.Append(c);
        }
        return result.ToString();
    }

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
        var form = ChooseForm(forms, IsOne(argument));
        var number = argument is IFormattable f ? f.ToString(null, culture) : argument?.ToString() ?? "";
        return form.Replace("#", number, StringComparison.Ordinal);
    }

    private static string ChooseForm(string forms, bool isOne)
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
        return (isOne ? one : other) ?? other ?? one ?? "#";
    }

    private static bool IsOne(object? argument)
        => argument is int or long or short or byte or uint or ulong or ushort or sbyte && Convert.ToDecimal(argument, CultureInfo.InvariantCulture) == 1;
}
