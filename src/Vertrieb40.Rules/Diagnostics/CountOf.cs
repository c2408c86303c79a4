using System.Globalization;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// A count with its noun in the right number, as one message argument: "1 unit" / "3 units",
/// "1 Einheit" / "3 Einheiten" (chosen when the message is formatted, in the message's language).
/// </summary>
internal sealed class CountOf(int count, string englishOne, string englishMany, string germanOne, string germanMany) : LocalizableString
{
    /// <summary>The count.</summary>
    public int Count { get; } = count;

    /// <summary>Units of an organisation.</summary>
    public static CountOf Units(int count) => new(count, "unit", "units", "Einheit", "Einheiten");

    /// <summary>Roles of an organisation.</summary>
    public static CountOf Roles(int count) => new(count, "role", "roles", "Rolle", "Rollen");

    /// <inheritdoc />
    public override string ToString(IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture;
        var german = culture.TwoLetterISOLanguageName == "de";
        var noun = german ? (Count == 1 ? germanOne : germanMany) : (Count == 1 ? englishOne : englishMany);
        return Count.ToString("N0", culture) + " " + noun;
    }
}
