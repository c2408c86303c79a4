using System.Globalization;
using System.Resources;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Tests.Reporting;

/// <summary>
/// Findings of the native German review (issue 19 §4): counts of 1 agree with noun and verb, every coverage reason
/// exists in German, and small-unit findings read as German sentences.
/// </summary>
public class GermanTextReviewTests
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de");

    [Fact]
    public void Every_input_fact_has_a_German_reason_not_the_English_fallback()
    {
        foreach (var fact in InputFacts.All)
        {
            var german = InputFacts.Missing(fact).ToString(De);
            Assert.DoesNotContain("the input", german, StringComparison.Ordinal);
            Assert.DoesNotContain(fact, german, StringComparison.Ordinal); // a reason in words, not the fact's key
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 1, "1 Person in 1 Einheit wurde geprüft; es gibt 1 Fehler und 1 Warnung.")]
    [InlineData(44, 12, 2, 36, "44 Personen in 12 Einheiten wurden geprüft; es gibt 2 Fehler und 36 Warnungen.")]
    public void The_executive_summary_agrees_with_its_counts(int people, int units, int errors, int warnings, string expected)
        => Assert.Equal(expected, ReportText.Format("Html_Summary_Overview", De, people, units, errors, warnings));

    [Theory]
    [InlineData(1, "1 Hinweis — zum Aufklappen anklicken", "betrifft 1 Person")]
    [InlineData(3, "3 Hinweise — zum Aufklappen anklicken", "betrifft 3 Personen")]
    public void Counted_labels_agree_with_their_counts(int n, string infos, string impact)
    {
        Assert.Equal(infos, ReportText.Format("Html_InfoCollapsed", De, n));
        Assert.Equal(impact, ReportText.Format("Html_Impact", De, n));
    }

    [Fact]
    public void Work_selection_message_agrees_with_a_single_team()
    {
        var rm = new ResourceManager("Vertrieb40.Rules.Rules.Effectiveness.EffectivenessResources", typeof(OrganizationAnalyzer).Assembly);
        var format = rm.GetString("VT3004_MessageWorkSelection", De)!;
        string Render(int teams) { var args = new object?[] { "Themen", "what", "Zentrale", teams, 5 }; return string.Format(De, PluralFormat.Apply(format, args, De), args); }
        Assert.Contains("nicht bei dem Team darunter (5 Personen). Dieses Team darf höchstens entscheiden, wie es arbeitet, nicht aber, welches Problem es angeht. Übertragen Sie die Wahl der Arbeit dem Team.", Render(1));
        Assert.Contains("nicht bei den 2 Teams darunter (5 Personen). Diese Teams dürfen höchstens entscheiden, wie sie arbeiten, nicht aber, welches Problem sie angehen. Übertragen Sie die Wahl der Arbeit den Teams.", Render(2));
    }

    [Fact]
    public void Small_unit_findings_quote_the_title_and_name_the_organisation_in_the_nominative()
    {
        var text = ReportText.Format("Privacy_SmallUnit", De, 5, ReportText.Get("Privacy_TheOrganisation", De), "Einzelkämpfer: Menschen im Vertrieb, die keinem Team angehören");
        Assert.Equal("Eine Einheit mit weniger als 5 Personen (übergeordnet: die Organisation) ist betroffen von „Einzelkämpfer: Menschen im Vertrieb, die keinem Team angehören“. (Datenschutz: So kleine Einheiten werden in Berichten nicht genannt.)", text);
    }
}
