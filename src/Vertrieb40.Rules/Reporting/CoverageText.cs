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

    /// <summary>"score over 19 of 26 rules", or null when the score carries no coverage.</summary>
    public static string? ScoreOver(Scoring.OrganizationScore score, CultureInfo culture)
        => score.RulesChecked is { } n && score.RulesTotal is { } m ? string.Format(culture, InputFacts.Text("ScoreOver").ToString(culture), n, m) : null;

    /// <summary>Why a read document has no score: no rule could judge it.</summary>
    public static string NotScored(CultureInfo culture) => InputFacts.Text("NotScored").ToString(culture);

    public static string Get(string name, CultureInfo culture) => InputFacts.Text(name).ToString(culture);
}
