using System.Globalization;
using System.Resources;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Comparison;

/// <summary>The labels of the diff, trend and what-if reports, English and German (Comparison/ComparisonResources.resx).</summary>
internal static class ComparisonText
{
    private static readonly ResourceManager Resources = new("Vertrieb40.Rules.Comparison.ComparisonResources", typeof(ComparisonText).Assembly);

    /// <summary>The label in the culture; the English text when German has none; the key when neither has it.</summary>
    public static string Get(string key, CultureInfo culture)
        => Resources.GetString(key, culture) ?? Resources.GetString(key, CultureInfo.InvariantCulture) ?? key;

    /// <summary>A label with arguments; counts agree with their nouns (<see cref="PluralFormat"/>).</summary>
    public static string Format(string key, CultureInfo culture, params object?[] args)
        => PluralFormat.Format(culture, Get(key, culture), args);

    /// <summary>Overall or a category's word (Team, Digitalisierung, Wirksamkeit).</summary>
    public static string Category(string category, CultureInfo culture)
        => category == Scoring.VertriebScore.Overall ? Get("Label_Overall", culture) : Reporting.ReportText.Category(category, culture);

    /// <summary>The word for a severity.</summary>
    public static string Severity(DiagnosticSeverity severity, CultureInfo culture) => Get("Severity_" + severity, culture);

    /// <summary>The word for a kind of change.</summary>
    public static string Kind(FindingChangeKind kind, CultureInfo culture) => Get("Kind_" + kind, culture);

    /// <summary>A date as people read it in the culture (2026-03-31 / 31.03.2026); "(no date)" when null.</summary>
    public static string Date(DateOnly? date, CultureInfo culture)
        => date is { } d ? d.ToString(culture.TwoLetterISOLanguageName == "de" ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture) : Get("Trend_NoDate", culture);

    /// <summary>Where a finding is: the entity (kind and id), "an entry in the list of people" without names, or the document.</summary>
    public static string Where(SnapshotFinding f, CultureInfo culture, bool showNames)
    {
        if (f.IsAboutPerson && !showNames) return Get("Diff_PersonEntry", culture);
        if (f.EntityKind.Length == 0) return f.EntityId.Length == 0 ? Get("Diff_Document", culture) : f.EntityId;
        return f.EntityKind + "/" + f.EntityId;
    }

    /// <summary>A signed number: +3, −2, ±0.</summary>
    public static string Signed(int value) => value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture)
        : value < 0 ? "−" + (-value).ToString(CultureInfo.InvariantCulture) : "±0";
}
