using System.Resources;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>Domain words for message arguments, in English and German (an enum member is shown as a word, never as code).</summary>
internal static class Terms
{
    private static readonly ResourceManager Resources = new("Vertrieb40.Rules.Resources.Terms", typeof(Terms).Assembly);

    /// <summary>The word for an enum member, e.g. IncentiveType.Commission → "commission" / "Provision".</summary>
    public static LocalizableString Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var key = typeof(TEnum).Name + "." + value;
        return Resources.GetString(key, System.Globalization.CultureInfo.InvariantCulture) is null
            ? EnumNames<TEnum>.Name(value)
            : new LocalizableResourceString(key, Resources);
    }

    /// <summary>
    /// The word for a value the document may leave out: the value's word, or "… not stated" (e.g. "cadence not
    /// stated" / "Rhythmus nicht angegeben") — never a default in its place.
    /// </summary>
    public static LocalizableString OfOrNotStated<TEnum>(TEnum? value) where TEnum : struct, Enum
        => value.HasValue ? Of(value.Value) : new LocalizableResourceString(typeof(TEnum).Name + ".NotStated", Resources);

    /// <summary>The text itself, or "unspecified" / "nicht angegeben" when it is empty.</summary>
    public static LocalizableString OrUnspecified(string? text)
        => string.IsNullOrWhiteSpace(text) ? new LocalizableResourceString("Unspecified", Resources) : text;
}
