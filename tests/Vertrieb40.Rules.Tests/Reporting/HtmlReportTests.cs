using System.Globalization;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reporting;

public class HtmlReportTests
{
    internal static string Html(AnalysisResult result, CultureInfo? culture = null, int minimumGroupSize = 5, int maxUnits = 150)
    {
        var sw = new StringWriter();
        new HtmlReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, culture ?? TestOrg.English)
        {
            MinimumGroupSize = minimumGroupSize,
            MaxDrawnUnits = maxUnits,
        }, sw);
        return sw.ToString();
    }

    // A hostile document: markup in every string a report shows, people with names, and a tiny unit.
    private const string Hostile = """
  "organization": { "name": "Acme <b>bold</b> & \"quotes\"" },
  "units": [
    { "id": "u-co", "name": "<script>alert(1)</script>", "kind": "company", "function": "management" },
    { "id": "u-sales", "name": "Sales <img src=x onerror=alert(2)>", "kind": "division", "function": "sales", "parentId": "u-co" },
    { "id": "u-tiny", "name": "Tiny team", "kind": "team", "function": "sales", "parentId": "u-sales" }
  ],
  "roles": [ { "id": "r-field", "funnelStage": "purchase", "function": "sales" } ],
  "people": [
    { "id": "person-7f3a", "name": "Erika Mustermann", "unitId": "u-co", "roleIds": [] },
    { "id": "p2", "name": "Max Mustermann", "unitId": "u-sales", "managerId": "person-7f3a", "roleIds": ["r-field"] },
    { "id": "p3", "unitId": "u-sales", "managerId": "person-7f3a", "roleIds": ["r-field"] },
    { "id": "p4", "unitId": "u-sales", "managerId": "person-7f3a", "roleIds": ["r-field"] },
    { "id": "p5", "unitId": "u-sales", "managerId": "person-7f3a", "roleIds": ["r-field"] },
    { "id": "p6", "unitId": "u-tiny", "managerId": "person-7f3a", "roleIds": ["r-field"] },
    { "id": "p7", "unitId": "u-tiny", "managerId": "person-7f3a", "roleIds": ["r-field"] }
  ],
  "incentivePlans": [
    { "id": "ip-1", "name": "</script><script>alert(3)</script>", "type": "commission", "level": "individual", "metric": "rev\"enue", "participants": { "unitIds": ["u-tiny"] } }
  ]
""";

    [Fact]
    public void Every_input_string_is_escaped()
    {
        var html = Html(TestOrg.Analyze(TestOrg.Doc(Hostile)));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Sales &lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("Acme &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>bold", html);
        // The page's own script is the only one.
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("<script>" + HtmlReportWriter.ReadyScript + "</script>", html);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void Finding_sentences_choose_their_plural_instead_of_showing_the_pattern(string culture)
    {
        // Regression: the first sentence of each finding was formatted without the plural step and printed
        // "pays variable money to plural:one=# person|other=22 people" on a board's page.
        var html = Html(SarifTests.Analyze(SeedPaths.Classic), CultureInfo.GetCultureInfo(culture));
        Assert.DoesNotContain("plural:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("|other=", html, StringComparison.Ordinal);
        Assert.Contains(culture == "de" ? "22 Personen" : "22 people", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a \"quoted\" & 'single' value", "a &quot;quoted&quot; &amp; &#39;single&#39; value")]
    [InlineData("Müller & Söhne", "Müller &amp; Söhne")]
    [InlineData("", "")]
    public void Escape_replaces_the_markup_characters(string input, string expected)
        => Assert.Equal(expected, HtmlReportWriter.Escape(input));

    [Fact]
    public void People_are_never_named_and_small_units_are_folded_into_their_parent()
    {
        var html = Html(TestOrg.Analyze(TestOrg.Doc(Hostile)));
        Assert.DoesNotContain("Mustermann", html);
        Assert.DoesNotContain("person-7f3a", html);
        // The tiny team (2 people) has no row of its own; its finding is shown with its parent.
        Assert.DoesNotContain("<tr data-unit=\"u-tiny\"", html);
        Assert.Contains("<tr data-unit=\"u-sales\"", html);
        Assert.Matches("<g class=\"node folded\" data-unit=\"u-tiny\"", html);
        Assert.Contains("Units: Sales &lt;img", html);
        // With a smaller minimum, the team gets its breakdown.
        Assert.Contains("<tr data-unit=\"u-tiny\"", Html(TestOrg.Analyze(TestOrg.Doc(Hostile)), minimumGroupSize: 2));
    }

    [Fact]
    public void The_report_is_self_contained()
    {
        var html = Html(SarifTests.Analyze(SeedPaths.Classic));
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("@font-face", html);
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("<svg class=\"tree\"", html);
    }

    [Fact]
    public void The_report_has_the_score_the_findings_with_their_way_out_and_the_units()
    {
        var result = SarifTests.Analyze(SeedPaths.Classic);
        var html = Html(result);
        foreach (var section in new[] { "score", "summary", "organisation", "findings", "units" })
            Assert.Contains($"data-section=\"{section}\"", html);
        Assert.Contains("data-score=\"overall\"", html);
        Assert.Contains("data-score=\"team\"", html);
        Assert.Contains("data-score=\"digitalisation\"", html);
        Assert.Contains("data-score=\"effectiveness\"", html);
        Assert.Contains("data-rule=\"VT3001\"", html);
        var vt3001 = result.Diagnostics.First(d => d.Id == "VT3001").Descriptor;
        Assert.Contains(HtmlReportWriter.Escape(vt3001.Description.ToString(TestOrg.English)), html);
        Assert.Contains("Maschinenbau Müller GmbH", html);
    }

    [Fact]
    public void German_report_uses_german_labels()
    {
        var html = Html(SarifTests.Analyze(SeedPaths.Classic), CultureInfo.GetCultureInfo("de"));
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Vertrieb-4.0-Bericht", html);
        Assert.Contains("Befunde", html);
        Assert.Contains("Wirksamkeit", html);
        Assert.DoesNotContain("Findings by category", html);
    }

    [Fact]
    public void A_large_organisation_is_drawn_only_in_part_and_the_report_says_so()
    {
        // Summarised: the top levels and the weakest units (with their parents), fewer than all units.
        var result = SarifTests.Analyze(SeedPaths.Classic);
        var html = Html(result, maxUnits: 3);
        Assert.InRange(Regex.Count(html, "<g class=\"node"), 2, result.Outline!.Units.Count - 1);
        Assert.Contains("class=\"note tree-limit\"", html);
        Assert.DoesNotContain("class=\"note tree-limit\"", Html(SarifTests.Analyze(SeedPaths.Classic)));
    }

    [Fact]
    public void The_per_unit_table_is_limited_and_says_so()
    {
        var sw = new StringWriter();
        new HtmlReportWriter().Write(new ReportContext(new[] { SarifTests.Analyze(SeedPaths.Classic) }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English)
        {
            MaxBreakdownUnits = 2,
        }, sw);
        var html = sw.ToString();
        Assert.Equal(2, Regex.Count(html, "<tr data-unit="));
        Assert.Contains("class=\"note units-limit\"", html);
        Assert.DoesNotContain("units-limit", Html(SarifTests.Analyze(SeedPaths.Classic)));
    }

    [Fact]
    public void An_unreadable_document_shows_its_input_errors_and_no_score()
    {
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }"));
        var html = Html(result);
        Assert.Contains("data-section=\"input-errors\"", html);
        Assert.DoesNotContain("data-section=\"score\"", html);
    }

    [Fact]
    public void Html_is_byte_identical_for_the_same_input()
        => Assert.Equal(Html(SarifTests.Analyze(SeedPaths.Classic)), Html(SarifTests.Analyze(SeedPaths.Classic)));
}
