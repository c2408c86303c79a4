using System.Globalization;
using System.Text;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reading;

/// <summary>
/// Finds, for a reference that does not resolve, an existing id that looks the same: equal after Unicode
/// normalisation (NFC, NFKC), after removing invisible characters (zero-width space and joiners, word joiner, soft
/// hyphen, byte-order mark, bidi marks), or after mapping Cyrillic and Greek letters that look like Latin ones.
/// "does not exist" alone would leave the user staring at two ids that look identical.
/// </summary>
internal sealed class LookAlikeIds
{
    private readonly Dictionary<string, string> _bySkeleton = new(StringComparer.Ordinal);

    public LookAlikeIds(IEnumerable<string> ids)
    {
        foreach (var id in ids) _bySkeleton.TryAdd(Skeleton(id), id);
    }

    /// <summary>The hint for the VT0005 message ("" when no id looks like <paramref name="reference"/>).</summary>
    public IFormattable Hint(string reference)
    {
        if (!_bySkeleton.TryGetValue(Skeleton(reference), out var existing) || existing == reference) return NoHint.Instance;
        var kind = Normalize(reference, NormalizationForm.FormC) == Normalize(existing, NormalizationForm.FormC) ? "Normalization"
            : Normalize(reference, NormalizationForm.FormKC) == Normalize(existing, NormalizationForm.FormKC) ? "Compatibility"
            : Normalize(WithoutInvisible(reference), NormalizationForm.FormKC) == Normalize(WithoutInvisible(existing), NormalizationForm.FormKC) ? "Invisible"
            : "Confusable";
        return new LookAlikeHint(existing, kind);
    }

    internal static string Skeleton(string id)
    {
        var s = Normalize(WithoutInvisible(id), NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(Confusables.TryGetValue(c, out var latin) ? latin : c);
        return sb.ToString();
    }

    private static string Normalize(string s, NormalizationForm form)
    {
        try { return s.Normalize(form); }
        catch (ArgumentException) { return s; } // lone surrogates: compare as they are
    }

    private static string WithoutInvisible(string s)
    {
        var sb = (StringBuilder?)null;
        for (var i = 0; i < s.Length; i++)
        {
            var invisible = s[i] is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u180E'
                            || (s[i] >= '\u202A' && s[i] <= '\u202E') || (s[i] >= '\u2066' && s[i] <= '\u2069');
            if (invisible) sb ??= new StringBuilder(s, 0, i, s.Length);
            else sb?.Append(s[i]);
        }
        return sb?.ToString() ?? s;
    }

    // Cyrillic and Greek letters that render like Latin ones (the common part of Unicode's confusables list).
    private static readonly Dictionary<char, char> Confusables = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['т'] = 't',
        ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ɡ'] = 'g',
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C', ['Т'] = 'T',
        ['Х'] = 'X', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S', ['У'] = 'Y',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N', ['Ο'] = 'O',
        ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['ο'] = 'o', ['α'] = 'a', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ρ'] = 'p',
    };

    private sealed class NoHint : IFormattable
    {
        public static readonly NoHint Instance = new();
        public string ToString(string? format, IFormatProvider? formatProvider) => "";
        public override string ToString() => "";
    }

    /// <summary>"; 'x' exists and looks the same, but differs by …" in the message's language.</summary>
    private sealed class LookAlikeHint(string existing, string kind) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture;
            var template = InputDescriptors.Resources.GetString("VT0005_LookAlike", culture) ?? "; '{0}' exists and looks the same, but differs by {1}";
            var difference = InputDescriptors.Resources.GetString("VT0005_Differs" + kind, culture) ?? kind;
            return string.Format(culture, template, existing, difference);
        }

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }
}
