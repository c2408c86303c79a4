using System.Globalization;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// The CLI's own status lines in the language of <c>--culture</c> (issue 13): English as it always was, German with
/// the library's plural-aware placeholders (<c>{0:plural:one=# Befund|other=# Befunde}</c>).
/// </summary>
internal static class CliText
{
    public static bool IsGerman(CultureInfo culture) => culture.TwoLetterISOLanguageName == "de";

    /// <summary>The English line as given, or the German format filled in with correct plurals.</summary>
    public static string Say(CultureInfo culture, string english, string germanFormat, params object?[] arguments)
        => IsGerman(culture) ? PluralFormat.Format(culture, germanFormat, arguments) : english;
}
