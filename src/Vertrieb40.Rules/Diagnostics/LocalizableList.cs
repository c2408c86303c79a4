using System.Globalization;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// Several localisable words shown as one message argument ("control, evaluation" / "Kontrolle,
/// Leistungsbeurteilung"): each word is translated when the message is formatted, not when it is reported.
/// Words are separated by <paramref name="separator"/>; the last two are joined by <paramref name="conjunction"/>
/// ("and" / "und") when one is given.
/// </summary>
internal sealed class LocalizableList(IReadOnlyList<LocalizableString> items, LocalizableString? conjunction = null, string separator = ", ") : LocalizableString
{
    /// <summary>The words, in order.</summary>
    public IReadOnlyList<LocalizableString> Items { get; } = items;

    /// <inheritdoc />
    public override string ToString(IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture;
        var words = Items.Select(i => i.ToString(culture)).ToArray();
        if (conjunction is null || words.Length < 2) return string.Join(separator, words);
        return string.Join(separator, words[..^1]) + " " + conjunction.ToString(culture) + " " + words[^1];
    }
}
