using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Scoring;

/// <summary>Exposure in words (EN/DE, plurals), in the text report, and the ranking of actions by weight × people.</summary>
public class ExposureTextTests
{
    private static readonly CultureInfo De = CultureInfo.GetCultureInfo("de");

    [Fact]
    public void The_share_sentence_reads_as_in_the_issue()
    {
        var e = new RuleExposure("VT3001", 820, 0.41);
        Assert.Equal("41 % of your people are paid commission or bonuses", ExposureText.Share(e, TestOrg.English));
        Assert.Equal("41 % Ihrer Mitarbeitenden erhalten Provisionen oder Boni", ExposureText.Share(e, De));
        Assert.Equal("< 1 %", ExposureText.Percent(0.004, TestOrg.English));
        Assert.Null(ExposureText.Share(new RuleExposure("VT2005", 3, 0.1), TestOrg.English)); // hand-overs reach nobody in particular
    }

    [Fact]
    public void Counts_have_the_right_plural()
    {
        Assert.Equal("1 person is paid commission or bonuses", ExposureText.People("VT3001", 1, TestOrg.English));
        Assert.Equal("1,400 people are paid commission or bonuses", ExposureText.People("VT3001", 1400, TestOrg.English));
        Assert.Equal("1 Person erhält Provisionen oder Boni", ExposureText.People("VT3001", 1, De));
        Assert.Equal("1.400 Personen erhalten Provisionen oder Boni", ExposureText.People("VT3001", 1400, De));
    }

    [Fact]
    public void Every_catalog_rule_that_reaches_people_has_sentences_in_both_languages()
    {
        foreach (var id in RuleReach.CatalogRules.Where(id => RuleReach.Of(id, null) == ReachKind.People))
        {
            Assert.True(ExposureText.HasSentence(id), id);
            Assert.NotEqual(ExposureText.People(id, 2, TestOrg.English), ExposureText.People(id, 2, De));
            Assert.NotEqual(ExposureText.People(id, 1, De), ExposureText.People(id, 2, De)!.Replace("2 Personen", "1 Person"));
        }
    }

    [Fact]
    public void Actions_rank_by_weight_times_people()
    {
        // 10 people on commission (error, 10 × 10 = 100) against everyone in a control meeting (warning, 3 × 21 = 63).
        var json = ExposureScoreTests.Org(new[] { 10, 10 }, Enumerable.Range(0, 10))
            .Replace("\"incentivePlans\"", "\"meetings\": [ { \"id\": \"m\", \"purpose\": \"statusReporting\", \"cadence\": \"weekly\", \"attendees\": { \"everyone\": true } } ], \"incentivePlans\"");
        var exposure = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json)).Exposure!;
        Assert.Equal(new[] { "VT1010", "VT3001" }, exposure.Largest(2).Select(r => r.RuleId));
        Assert.Equal(new[] { "VT3001", "VT1010" }, exposure.RankedByWeight().Select(r => r.RuleId));
    }

    [Fact]
    public void The_text_report_has_an_exposure_table_but_not_for_groups_below_the_minimum_size()
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        string Text(int min)
        {
            var sw = new StringWriter();
            new Vertrieb40.Rules.Reporting.TextReportWriter().Write(new Vertrieb40.Rules.Reporting.ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English) { MinimumGroupSize = min }, sw);
            return sw.ToString();
        }
        Assert.Matches(@"VT3001 Commission, bonus or other incentive pay\s+27\s+61 %", Text(5));
        Assert.DoesNotContain("Exposure", Text(100)); // 44 people: below a minimum group size of 100
    }
}
