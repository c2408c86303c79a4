using System.Security.Cryptography;
using System.Text;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Comparison;

/// <summary>
/// The shell of the diff, trend and what-if pages: self-contained (inline CSS and SVG, no fonts, images, network or
/// script libraries), a Content-Security-Policy that allows only the page's own marker script (as the analysis
/// report), printable on A4.
/// </summary>
internal static class HtmlPage
{
    private static readonly string ReadyScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlReportWriter.ReadyScript)));

    private const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; font-size: 11pt; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
        .facts, .note { color: #59636e; margin: .2rem 0; }
        table { border-collapse: collapse; margin: .5rem 0; } th, td { padding: .2rem .6rem; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }
        table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
        td.up { color: #1a7f37; font-weight: 600; } td.down { color: #cf222e; font-weight: 600; }
        ul { padding-left: 1.2rem; } li { margin: .35rem 0; }
        .sev { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .85em; border: 1px solid #8c959f; }
        .sev-error { background: #ffebe9; border-color: #cf222e; } .sev-warning { background: #fff8c5; border-color: #9a6700; } .sev-info { background: #ddf4ff; border-color: #0969da; }
        .where { color: #59636e; }
        details > summary { cursor: pointer; font-weight: 600; margin: .4rem 0; }
        svg.chart { width: 100%; height: auto; max-width: 56rem; }
        svg.chart text { font-size: 12px; fill: #1f2328; font-family: system-ui, sans-serif; }
        svg.life { display: block; }
        .legend span { display: inline-block; margin-right: 1rem; white-space: nowrap; }
        .legend svg { vertical-align: middle; margin-right: .3rem; }
        footer { margin-top: 2rem; color: #59636e; font-size: .85em; }
        @page { size: A4; margin: 15mm 13mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } details { display: block; } details > summary { list-style: none; }
          details:not([open]) > *:not(summary) { display: block; } section { break-inside: auto; } tr, li, svg.chart { break-inside: avoid; } }
        """;

    /// <summary>Writes a whole page; <paramref name="body"/> writes the sections.</summary>
    public static void Write(TextWriter o, ComparisonReportOptions options, string title, string kind, Action<TextWriter> body)
    {
        var lang = options.Culture.TwoLetterISOLanguageName == "de" ? "de" : "en";
        o.Write("<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n");
        o.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + ReadyScriptHash + "'\">\n");
        o.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        o.Write("<meta name=\"generator\" content=\"vertrieb40 " + HtmlReportWriter.Escape(options.ToolVersion) + "\">\n");
        o.Write("<title>" + HtmlReportWriter.Escape(title) + "</title>\n<style>\n" + Css + "\n</style>\n</head>\n<body data-report=\"" + kind + "\">\n");
        o.Write("<h1>" + HtmlReportWriter.Escape(title) + "</h1>\n");
        body(o);
        o.Write("<footer><p>" + HtmlReportWriter.Escape(ComparisonText.Format("Html_Generated", options.Culture, "vertrieb40 " + options.ToolVersion)) + "</p></footer>\n");
        o.Write("<script>" + HtmlReportWriter.ReadyScript + "</script>\n</body>\n</html>\n");
    }
}
