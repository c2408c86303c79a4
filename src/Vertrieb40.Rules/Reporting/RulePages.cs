using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// The rule pages (<c>rules/ID.md</c>, embedded at build time) and the help text of a rule in a report's
/// language: the English page where one exists and the report is English; otherwise (German, or a custom
/// rule without a page) the title and the localised description, so a German report stays German.
/// </summary>
internal static class RulePages
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    /// <summary>The embedded English page of a rule, or null.</summary>
    public static string? Markdown(string id) => Cache.GetOrAdd(id, static key =>
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream("Vertrieb40.Rules.rules." + key + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    /// <summary>Help for a rule as (plain text, Markdown).</summary>
    public static (string Text, string Markdown) Help(DiagnosticDescriptor d, CultureInfo culture)
    {
        var page = culture.TwoLetterISOLanguageName == "de" ? null : Markdown(d.Id);
        if (page != null) return (PlainText(page), page);
        var title = d.Title.ToString(culture);
        var description = d.Description.ToString(culture);
        var text = string.IsNullOrWhiteSpace(description) ? title : title + "\n\n" + description;
        return (d.Id + ": " + text, "# " + d.Id + ": " + title + (string.IsNullOrWhiteSpace(description) ? "" : "\n\n" + description));
    }

    /// <summary>A readable plain-text form of a page: heading marks and code fences dropped.</summary>
    internal static string PlainText(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) continue;
            sb.Append(line.TrimStart('#', ' ').Length < line.Length && line.StartsWith('#') ? line.TrimStart('#', ' ') : line).Append('\n');
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>
    /// The address of a rule's page: <paramref name="linkBase"/> plus <c>ID.md</c> when a base is given, a custom
    /// rule's own address, or null (no link: the report carries the explanation itself).
    /// </summary>
    public static string? LinkFor(DiagnosticDescriptor d, string? linkBase)
    {
        var isDefault = d.HelpLinkUri.StartsWith(DiagnosticDescriptor.DefaultHelpLinkBase, StringComparison.Ordinal);
        if (!isDefault) return string.IsNullOrWhiteSpace(d.HelpLinkUri) ? null : d.HelpLinkUri;
        if (string.IsNullOrWhiteSpace(linkBase)) return null;
        return linkBase + (linkBase.EndsWith('/') ? "" : "/") + d.Id + ".md";
    }
}
