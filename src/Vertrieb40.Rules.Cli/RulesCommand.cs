using Newtonsoft.Json;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Cli;

internal static class RulesCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var cl = CommandLine.Parse(args, new HashSet<string> { "--format", "--culture", "--rules-assembly" }, new HashSet<string>());
        var format = cl.OneOf("--format", "text", "text", "json");
        var culture = Program.ParseCulture(cl.Value("--culture"));
        var descriptors = AnalysisSetup.Analyzer(cl).SupportedDiagnostics;
        if (format == "json")
        {
            using var w = new JsonTextWriter(stdout) { Formatting = Formatting.Indented, CloseOutput = false };
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
            stdout.WriteLine();
        }
        else
        {
            foreach (var d in descriptors)
                stdout.WriteLine($"{d.Id}  {CategoryWord(d.Category, culture),-15} {SeverityWord(d.DefaultSeverity, culture),-8} {d.Title.ToString(culture)}");
        }
        return ExitCodes.Success;
    }

    // The English listing keeps its words (scripts read it); other languages get the report's words for category and severity.
    private static bool English(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName is "en" or "iv";

    private static string CategoryWord(string category, System.Globalization.CultureInfo culture)
        => English(culture) ? category : Vertrieb40.Rules.Reporting.ReportText.Category(category, culture);

    private static string SeverityWord(DiagnosticSeverity severity, System.Globalization.CultureInfo culture)
        => English(culture) ? severity.ToString() : Vertrieb40.Rules.Reporting.ReportText.Severity(severity, culture);
}
