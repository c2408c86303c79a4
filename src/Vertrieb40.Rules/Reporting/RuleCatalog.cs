using System.Globalization;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// The rule catalogue as <c>vertrieb40 rules</c> writes it: one line per descriptor, or a JSON array of
/// <c>{ id, title, category, defaultSeverity, enabledByDefault, helpUri }</c> (a format scripts read, kept here
/// with the other output formats rather than in the command).
/// </summary>
internal static class RuleCatalog
{
    public static void WriteJson(IEnumerable<DiagnosticDescriptor> descriptors, TextWriter output, CultureInfo culture)
    {
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartArray();
        foreach (var d in descriptors)
        {
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(d.Id);
            w.WritePropertyName("title"); w.WriteValue(d.Title.ToString(culture));
            w.WritePropertyName("category"); w.WriteValue(d.Category);
            w.WritePropertyName("defaultSeverity"); w.WriteValue(d.DefaultSeverity.ToString().ToLowerInvariant());
            w.WritePropertyName("enabledByDefault"); w.WriteValue(d.IsEnabledByDefault);
            w.WritePropertyName("helpUri"); w.WriteValue(d.HelpLinkUri);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
        output.WriteLine();
    }

    public static void WriteText(IEnumerable<DiagnosticDescriptor> descriptors, TextWriter output, CultureInfo culture)
    {
        foreach (var d in descriptors)
            output.WriteLine($"{d.Id}  {CategoryWord(d.Category, culture),-15} {SeverityWord(d.DefaultSeverity, culture),-8} {d.Title.ToString(culture)}");
    }

    // The English listing keeps its words (scripts read it); other languages get the report's words for category and severity.
    private static bool English(CultureInfo culture) => culture.TwoLetterISOLanguageName is "en" or "iv";

    private static string CategoryWord(string category, CultureInfo culture)
        => English(culture) ? category : ReportText.Category(category, culture);

    private static string SeverityWord(DiagnosticSeverity severity, CultureInfo culture)
        => English(culture) ? severity.ToString() : ReportText.Severity(severity, culture);
}
