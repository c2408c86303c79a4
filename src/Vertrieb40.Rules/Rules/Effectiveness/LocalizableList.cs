using System.Globalization;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Rules.Effectiveness;

/// <summary>
/// Several localisable words shown as one message argument ("control, evaluation" / "Kontrolle,
/// Leistungsbeurteilung"): each word is translated when the message is formatted, not when it is reported.
/// </summary>
internal sealed class LocalizableList(IReadOnlyList<LocalizableString> items) : LocalizableString
{
    /// <summary>The words, in order.</summary>
    public IReadOnlyList<LocalizableString> Items { get; } = items;

    /// <inheritdoc />
    public override string ToString(IFormatProvider? formatProvider)
        => string.Join(", ", Items.Select(i => i.ToString(formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture)));
}
