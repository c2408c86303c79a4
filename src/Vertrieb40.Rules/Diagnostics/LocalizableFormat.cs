using System.Globalization;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// A localisable format with its own arguments, used as one message argument (a reason with a word in it):
/// format and arguments are translated when the message is formatted, plural placeholders included.
/// </summary>
internal sealed class LocalizableFormat(LocalizableString format, params object?[] arguments) : LocalizableString
{
    /// <inheritdoc />
    public override string ToString(IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture;
        return PluralFormat.Format(culture, format.ToString(culture), arguments);
    }
}
