using System.Globalization;
using System.Resources;

namespace Vertrieb40.Rules.Reporting;

/// <summary>The labels of the text and HTML reports, English and German (Reporting/ReportResources.resx).</summary>
internal static class ReportText
{
    private static readonly ResourceManager Resources = new("Vertrieb40.Rules.Reporting.ReportResources", typeof(ReportText).Assembly);

    // Writers ask for labels per finding; ResourceManager locks and walks the culture chain on every call.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, CultureInfo Culture), string?> Cache = new();

    private static string? Lookup(string key, CultureInfo culture)
    {
        if (Cache.TryGetValue((key, culture), out var text)) return text;
        text = Resources.GetString(key, culture);
        Cache.TryAdd((key, culture), text);
        return text;
    }

    /// <summary>The label in the culture; the English text when German has none; the key when neither has it.</summary>
    public static string Get(string key, CultureInfo culture)
        => Lookup(key, culture) ?? Lookup(key, CultureInfo.InvariantCulture) ?? key;

    /// <summary>A label with arguments; counts agree with their nouns through plural placeholders (<see cref="Diagnostics.PluralFormat"/>).</summary>
    public static string Format(string key, CultureInfo culture, params object?[] args)
        => Diagnostics.PluralFormat.Format(culture, Get(key, culture), args);

    /// <summary>The word for a severity (Error/Fehler, Warning/Warnung, …), as reports label a finding.</summary>
    public static string Severity(Diagnostics.DiagnosticSeverity severity, CultureInfo culture) => Get(severity switch
    {
        Diagnostics.DiagnosticSeverity.Error => "Html_Error",
        Diagnostics.DiagnosticSeverity.Warning => "Html_Warning",
        Diagnostics.DiagnosticSeverity.Info => "Html_InfoOne",
        _ => "Html_Hidden",
    }, culture);

    /// <summary>The word for a category (Team, Digitalisierung, Wirksamkeit, …).</summary>
    public static string Category(string category, CultureInfo culture)
    {
        return Lookup("Category_" + category, culture) ?? category;
    }
}
