using System.Globalization;
using Vertrieb40.Rules.Analysis;

namespace Vertrieb40.Rules.Reporting;

/// <summary>The coverage texts the report writers share (English and German).</summary>
internal static class CoverageText
{
    /// <summary>"Coverage: 19 of 26 rules checked, 7 could not check (VT1007, …), 0 not applicable."</summary>
    public static string Summary(AnalysisResult result, CultureInfo culture)
    {
        var c = result.Coverage;
        var unable = c.Where(x => x.Status == CoverageStatus.CouldNotCheck).Select(x => x.RuleId).ToList();
        var line = string.Format(culture, InputFacts.Text("CoverageLine").ToString(culture),
            c.Count(x => x.Status == CoverageStatus.Checked), c.Count, unable.Count, c.Count(x => x.Status == CoverageStatus.NotApplicable));
        // The ids that could not check, inside the sentence's full stop: "… 2 could not check (VT1007, VT3010) …" reads worse.
        return unable.Count == 0 ? line : line.TrimEnd('.') + " — " + string.Join(", ", unable) + ".";
    }

    /// <summary>"VT3010 could not be checked: the input has no teams with members".</summary>
    public static string CouldNotCheck(RuleCoverage coverage, CultureInfo culture)
        => string.Format(culture, InputFacts.Text("CouldNotCheckLine").ToString(culture), coverage.RuleId, coverage.ReasonIn(culture));

    /// <summary>
    /// "score over 19 of 26 rules" — and "… in 2 of 3 categories" when a category is not scored — or null when the
    /// score carries no coverage.
    /// </summary>
    public static string? ScoreOver(Scoring.OrganizationScore score, CultureInfo culture)
    {
        if (score.RulesChecked is not { } n || score.RulesTotal is not { } m) return null;
        return score.CategoriesScored < score.CategoriesTotal
            ? string.Format(culture, InputFacts.Text("ScoreOverCategories").ToString(culture), n, m, score.CategoriesScored, score.CategoriesTotal)
            : string.Format(culture, InputFacts.Text("ScoreOver").ToString(culture), n, m);
    }

    /// <summary>"not scored": the cell of a category no rule of which could judge the input.</summary>
    public static string CategoryNotScored(CultureInfo culture) => InputFacts.Text("CategoryNotScored").ToString(culture);

    /// <summary>"Digitalisation: not scored — no rule of this category could judge the input."</summary>
    public static string CategoryNotScoredLine(string categoryLabel, CultureInfo culture)
        => string.Format(culture, InputFacts.Text("CategoryNotScoredLine").ToString(culture), categoryLabel);

    /// <summary>
    /// The coverage in one plain sentence for the executive summary: "24 of the 27 rules could not judge this
    /// organisation because the input does not say what they need; the score leaves them out, and Digitalisation is
    /// not scored at all." Null when the result carries no coverage.
    /// </summary>
    public static string? Sentence(AnalysisResult result, Scoring.OrganizationScore? score, CultureInfo culture)
    {
        var c = result.Coverage;
        if (c.Count == 0) return null;
        var unable = c.Count(x => x.Status == CoverageStatus.CouldNotCheck);
        // Rules left out by choice (configuration, --only) are the user's decision, not a gap in the input.
        if (unable == 0) return c.Any(x => x.Status == CoverageStatus.NotApplicable) ? null : InputFacts.Text("CoverageSentenceAll").ToString(culture);
        var notScored = score?.Organization.Categories.Where(x => !x.Scored).Select(x => ReportText.Category(x.Category, culture)).ToList() ?? new List<string>();
        var tail = notScored.Count == 0 ? "" : Format("CoverageSentenceCategories", culture, string.Join(culture.TwoLetterISOLanguageName == "de" ? " und " : " and ", notScored), notScored.Count);
        return Format("CoverageSentence", culture, unable, c.Count, tail);
    }

    private static string Format(string name, CultureInfo culture, params object?[] args)
        => Diagnostics.PluralFormat.Format(culture, InputFacts.Text(name).ToString(culture), args);

    /// <summary>Why a read document has no score: no rule could judge it.</summary>
    public static string NotScored(CultureInfo culture) => InputFacts.Text("NotScored").ToString(culture);

    public static string Get(string name, CultureInfo culture) => InputFacts.Text(name).ToString(culture);
}
