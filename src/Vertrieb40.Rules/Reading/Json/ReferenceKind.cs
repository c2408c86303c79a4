using System.Globalization;

namespace Vertrieb40.Rules.Reading.Json;

/// <summary>
/// The kind of entity a dangling reference names ("unit", "role", …) as a message argument: the English word in
/// English and in machine-readable output, the German noun with its accusative article in German messages (so a
/// German message does not carry an English word; the article keeps the sentence's grammar right for every gender).
/// </summary>
internal sealed class ReferenceKind(string english) : IFormattable
{
    private static readonly Dictionary<string, string> German = new(StringComparer.Ordinal)
    {
        ["unit"] = "die Einheit",
        ["role"] = "die Rolle",
        ["person"] = "die Person",
        ["offering"] = "das Angebot",
        ["approval policy"] = "die Genehmigungsrichtlinie",
        ["process"] = "den Prozess",
    };

    /// <summary>The English word.</summary>
    public override string ToString() => english;

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider)
        => formatProvider is CultureInfo { TwoLetterISOLanguageName: "de" } && German.TryGetValue(english, out var word) ? word : english;
}
