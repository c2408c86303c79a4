using System.Globalization;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Coverage;

/// <summary>
/// A category in which no rule could judge the input is "not scored" (issue 18), never 100, in the library and in
/// every output; the overall score says over how many rules and categories it is.
/// </summary>
public class CategoryNotScoredTests
{
    // The sparse seed states incentive plans, forecasts and approval policies, and nothing the Digitalisation rules need.
    private static AnalysisResult Sparse() => OrganizationAnalyzer.Default.AnalyzeFile(Path.Combine(SeedPaths.Seeds, "sparse-org.json"));

    private static string Write(IReportWriter writer, string culture, AnalysisResult result)
    {
        var sw = new StringWriter();
        writer.Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, CultureInfo.GetCultureInfo(culture)), sw);
        return sw.ToString();
    }

    [Fact]
    public void A_category_without_a_checked_rule_is_not_scored_and_says_over_how_much_the_score_is()
    {
        var result = Sparse();
        Assert.All(result.Coverage.Where(c => c.RuleId.StartsWith("VT2", StringComparison.Ordinal)),
            c => Assert.Equal(CoverageStatus.CouldNotCheck, c.Status));
        var score = result.Score()!;
        var digitalisation = score.Organization["Digitalisation"];
        Assert.False(digitalisation.Scored);
        Assert.Equal(0, digitalisation.RulesChecked);
        Assert.Equal(7, digitalisation.RulesTotal);
        Assert.True(score.Organization["Effectiveness"].Scored);
        Assert.True(score.Organization.Overall.Scored);
        Assert.Equal(2, score.CategoriesScored);
        Assert.Equal(3, score.CategoriesTotal);
        // Every unit shares the category's status.
        Assert.All(score.Units, u => Assert.False(u.Card["Digitalisation"].Scored));
    }

    [Fact]
    public void The_reach_table_knows_every_catalog_rule()
    {
        // A catalog rule missing from RuleReach would not count towards its category (VT2007 was missing).
        var catalog = OrganizationAnalyzer.Default.SupportedDiagnostics
            .Where(d => VertriebScore.Categories.Contains(d.Category)).Select(d => d.Id).Distinct().Order().ToList();
        Assert.Equal(catalog, RuleReach.CatalogRules.Order().ToList());
    }

    [Fact]
    public void Every_category_is_scored_when_every_rule_checked()
    {
        var score = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Score()!;
        Assert.All(score.Organization.Categories, c => Assert.True(c.Scored));
        Assert.Equal(3, score.CategoriesScored);
    }

    [Fact]
    public void One_checked_rule_makes_the_category_scored()
    {
        // "handoffs": [] states that there are none: VT2005 checks, and Digitalisation is scored (100, nothing found).
        var doc = JObject.Parse(File.ReadAllText(Path.Combine(SeedPaths.Seeds, "sparse-org.json")));
        doc["handoffs"] = new JArray();
        var score = TestOrg.Analyze(doc.ToString()).Score()!;
        Assert.True(score.Organization["Digitalisation"].Scored);
        Assert.Equal(1, score.Organization["Digitalisation"].RulesChecked);
        Assert.Equal(3, score.CategoriesScored);
    }

    [Fact]
    public void An_unscored_category_counts_nothing()
    {
        var result = Sparse();
        var d = result.Score()!.Organization["Digitalisation"];
        Assert.Equal((0, 0.0, 0, 0.0), (d.CleanEntities, d.Penalty, d.Findings, d.WeightedPeople));
    }

    [Fact]
    public void Text_shows_not_scored_instead_of_100_in_english_and_german()
    {
        var en = Write(new TextReportWriter(), "en", Sparse());
        var row = Assert.Single(en.Split('\n'), l => l.StartsWith("sparse-org.json", StringComparison.Ordinal));
        Assert.Contains("not scored", row);
        Assert.Contains("(score over 4 of 27 rules in 2 of 3 categories)", row);
        // Team (VT1008 checked, no finding) scores 100; Digitalisation shows "not scored" in its column.
        var cells = System.Text.RegularExpressions.Regex.Split(row.Trim(), @"\s{2,}");
        Assert.Equal("not scored", cells[3]);
        Assert.Contains("Digitalisation: not scored — no rule of this category could judge the input.", en);
        var de = Write(new TextReportWriter(), "de", Sparse());
        Assert.Contains("Digitalisierung: kein Score — keine Regel dieser Kategorie konnte die Eingabe beurteilen.", de);
        Assert.Contains("Score über 4 von 27 Regeln in 2 von 3 Kategorien", de);
    }

    [Fact]
    public void Json_adds_scored_and_the_rule_counts_per_category_keeping_the_1_1_fields()
    {
        var json = JObject.Parse(Write(new JsonReportWriter(), "en", Sparse()));
        Assert.Equal("1.1", (string?)json["formatVersion"]);
        var score = (JObject)json["files"]![0]!["score"]!;
        Assert.Equal(2, (int)score["categoriesScored"]!);
        Assert.Equal(3, (int)score["categoriesTotal"]!);
        var digitalisation = (JObject)score["categories"]!["Digitalisation"]!;
        Assert.False((bool)digitalisation["scored"]!);
        Assert.Equal(0, (int)digitalisation["rulesChecked"]!);
        Assert.Equal(7, (int)digitalisation["rulesTotal"]!);
        Assert.Equal("Digitalisation: not scored — no rule of this category could judge the input.", (string?)digitalisation["notScoredReason"]);
        Assert.Equal(JTokenType.Integer, digitalisation["score"]!.Type); // a 1.1 consumer still reads an integer
        Assert.True((bool)score["categories"]!["Effectiveness"]!["scored"]!);
        Assert.Null(score["categories"]!["Effectiveness"]!["notScoredReason"]);
    }

    [Fact]
    public void Sarif_run_properties_name_the_categories_not_scored()
    {
        var sarif = JObject.Parse(Write(new SarifReportWriter(), "en", Sparse()));
        var scores = (JObject)sarif["runs"]![0]!["properties"]!["vertrieb40Scores"]![0]!;
        Assert.Equal(new[] { "digitalisation" }, ((JArray)scores["notScored"]!).Select(x => (string)x!).ToArray());
        Assert.Equal(2, (int)scores["categoriesScored"]!);
    }

    [Fact]
    public void Html_shows_an_empty_gauge_and_says_why_and_the_summary_states_coverage()
    {
        var en = Write(new HtmlReportWriter(), "en", Sparse());
        Assert.Contains("data-score=\"digitalisation\" data-scored=\"false\"", en);
        Assert.Contains("Digitalisation: not scored — no rule of this category could judge the input.", en);
        Assert.Contains("23 of the 27 rules could not judge this organisation because the input does not say what they need; the score leaves them out, and Digitalisation is not scored at all.", en);
        var de = Write(new HtmlReportWriter(), "de", Sparse());
        Assert.Contains("23 der 27 Regeln konnten diese Organisation nicht beurteilen", de);
        Assert.Contains("und Digitalisierung bleibt ganz ohne Score.", de);
    }

    [Fact]
    public void The_summary_says_so_when_every_rule_could_judge()
    {
        var html = Write(new HtmlReportWriter(), "en", OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic));
        Assert.Contains("Every rule of the catalog could judge this organisation.", html);
    }
}
