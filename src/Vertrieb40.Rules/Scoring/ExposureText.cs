using System.Globalization;
using System.Resources;

namespace Vertrieb40.Rules.Scoring;

/// <summary>
/// Exposure in words, English and German (Scoring/ExposureResources.resx): "41 % of your people are paid commission
/// or bonuses" / "41 % Ihrer Mitarbeitenden erhalten Provision oder Boni", and with counts, with the right plural.
/// </summary>
internal static class ExposureText
{
    private static readonly ResourceManager Resources = new("Vertrieb40.Rules.Scoring.ExposureResources", typeof(ExposureText).Assembly);

    private static string? Get(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>A label of the exposure tables (Label_Exposure, Label_People, Label_Share, Label_Any, Label_TeamConditions).</summary>
    public static string Label(string key, CultureInfo culture)
        => Get(key, culture) ?? Get(key, CultureInfo.InvariantCulture) ?? key;

    /// <summary>
    /// The rows of an exposure table for a group of people: per rule that reaches people (largest first), then
    /// "any finding" and the teams meeting the team conditions — empty when the group is smaller than
    /// <paramref name="minimumGroupSize"/> (privacy: shares only for groups of at least that many people).
    /// </summary>
    public static IReadOnlyList<(string Label, int People, double Share)> Rows(Exposure exposure, int minimumGroupSize, CultureInfo culture, Func<string, string> ruleTitle)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(ruleTitle);
        var rows = new List<(string, int, double)>();
        if (exposure.PeopleTotal == 0 || exposure.PeopleTotal < minimumGroupSize) return rows;
        foreach (var r in exposure.Largest(int.MaxValue)) rows.Add((r.RuleId + " " + ruleTitle(r.RuleId), r.People, r.Share));
        var any = exposure.Category(VertriebScore.Overall);
        rows.Add((Label("Label_Any", culture), any.People, any.Share));
        rows.Add((Label("Label_TeamConditions", culture), exposure.PeopleInTeamsMeetingConditions, exposure.TeamConditionsShare));
        return rows;
    }

    /// <summary>A share as a whole percentage ("41 %"); "&lt; 1 %" for a share above 0 that rounds to 0.</summary>
    public static string Percent(double share, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var percent = Math.Round(share * 100, MidpointRounding.AwayFromZero);
        return share > 0 && percent == 0 ? "< 1 %" : percent.ToString("0", culture) + " %";
    }

    /// <summary>True when the rule has a sentence (the catalog rules that reach people).</summary>
    public static bool HasSentence(string ruleId) => Get(ruleId + "_Plural", CultureInfo.InvariantCulture) != null;

    /// <summary>"41 % of your people are paid commission or bonuses"; null for a rule without a sentence.</summary>
    public static string? Share(RuleExposure exposure, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(culture);
        var phrase = Get(exposure.RuleId + "_Plural", culture);
        return phrase is null ? null : string.Format(culture, Get("Share", culture)!, Percent(exposure.Share, culture), phrase);
    }

    /// <summary>"1 person is paid …" / "1,400 people are paid …"; null for a rule without a sentence.</summary>
    public static string? People(string ruleId, int people, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(culture);
        var one = people == 1;
        var phrase = Get(ruleId + (one ? "_Singular" : "_Plural"), culture);
        return phrase is null ? null : string.Format(culture, Get(one ? "One" : "Other", culture)!, people.ToString("N0", culture), phrase);
    }

    /// <summary>"58 % of your people work in teams that meet the team conditions".</summary>
    public static string TeamConditions(Exposure exposure, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(culture);
        return string.Format(culture, Get("Share", culture)!, Percent(exposure.TeamConditionsShare, culture), Get("TeamConditions", culture));
    }
}
