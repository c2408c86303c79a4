using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Coverage;

/// <summary>
/// Coverage (issue 10): per rule, removing the facts it needs from the classic seed (where every rule is checked)
/// flips its status to couldNotCheck, and the rule then reports nothing.
/// </summary>
public class CoverageTests
{
    private static readonly string Classic = File.ReadAllText(SeedPaths.Classic);

    /// <summary>Removes one fact from a document the way an incomplete description would leave it out.</summary>
    internal static void Remove(JObject doc, string fact)
    {
        IEnumerable<JObject> All(string collection) => (doc[collection] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();
        switch (fact)
        {
            case InputFacts.Teams:
                foreach (var u in All("units").Where(u => (string?)u["kind"] == "team")) u["kind"] = "department";
                break;
            case InputFacts.Roles:
                foreach (var p in All("people")) p.Remove("roleIds");
                break;
            case InputFacts.RoleFunctions:
                foreach (var r in All("roles")) r.Remove("function");
                break;
            case InputFacts.OfferingFunnels:
                doc.Remove("offerings");
                foreach (var h in All("handoffs")) h.Remove("offeringId");
                break;
            case InputFacts.TeamGoals:
                foreach (var u in All("units")) u.Remove("sharedGoal");
                doc.Remove("targets");
                break;
            case InputFacts.CustomerContact:
                foreach (var u in All("units")) u.Remove("customerContact");
                break;
            case InputFacts.Autonomy:
                foreach (var u in All("units")) u.Remove("autonomy");
                break;
            case InputFacts.ForecastUses:
                foreach (var f in All("forecasts")) f.Remove("usedFor");
                break;
            case InputFacts.ApproverRanks:
                foreach (var p in All("approvalPolicies"))
                    foreach (var s in (p["steps"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>()) s.Remove("higherRank");
                break;
            case InputFacts.MeetingCadences:
                foreach (var m in All("meetings")) m.Remove("cadence");
                break;
            case InputFacts.RoutineAutomation:
                foreach (var p in All("processes")) p.Remove("automation");
                break;
            case InputFacts.ApprovalPolicies:
                doc.Remove("approvalPolicies");
                foreach (var d in All("decisionRights")) d.Remove("governedByPolicyIds");
                break;
            default:
                doc.Remove(fact); // a collection the description leaves out
                break;
        }
        // Suppressions may point at what was removed; they are not what this test is about. Schema 1.1: a 1.0
        // document's approval steps default to higher rank (the 1.0 schema said so), 1.1 leaves them unknown.
        doc.Remove("suppressions");
        doc["schemaVersion"] = "1.1";
    }

    public static TheoryData<string> CatalogRules()
    {
        var data = new TheoryData<string>();
        foreach (var id in OrganizationAnalyzer.Default.SupportedDiagnostics.Select(d => d.Id).Where(id => !id.StartsWith("VT0", StringComparison.Ordinal)))
            data.Add(id);
        return data;
    }

    private static IReadOnlyList<string> FactsOf(string id) => FactsPerRule(id).SelectMany(f => f).Distinct().ToList();

    // Per NRules rule that reports the id (VT3004 has two halves): the facts each one needs.
    private static IReadOnlyList<IReadOnlyList<string>> FactsPerRule(string id)
        => typeof(OrganizationAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(OrganizationRule).IsAssignableFrom(t) && !t.IsAbstract
                        && ((OrganizationRule)Activator.CreateInstance(t)!).SupportedDiagnostics.Any(d => d.Id == id))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(InputFacts.RequiredBy).ToList();

    [Fact]
    public void Every_rule_of_the_catalog_is_checked_on_the_classic_seed()
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        Assert.Equal(27, result.Coverage.Count);
        Assert.All(result.Coverage, c => Assert.Equal(CoverageStatus.Checked, c.Status));
        Assert.Equal(result.Coverage.Select(c => c.RuleId).Order(StringComparer.Ordinal), result.Coverage.Select(c => c.RuleId));
    }

    [Theory]
    [MemberData(nameof(CatalogRules))]
    public void Removing_a_rules_facts_flips_it_to_could_not_check(string id)
    {
        var perRule = FactsPerRule(id);
        Assert.All(perRule, f => Assert.NotEmpty(f)); // every catalog rule declares what it needs
        foreach (var (facts, i) in perRule.Select((f, i) => (f, i)))
            foreach (var fact in facts)
            {
                var doc = JObject.Parse(Classic);
                Remove(doc, fact);
                // An id reported by several rules is checked while any of them can run: starve the others too.
                foreach (var other in perRule.Where((_, j) => j != i)) Remove(doc, other[0]);
                var load = OrganizationReader.ReadString(doc.ToString(), "classic-without-" + fact + ".json");
                Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
                var result = OrganizationAnalyzer.Default.Analyze(load);
                var coverage = result.Coverage.Single(c => c.RuleId == id);
                Assert.Equal(CoverageStatus.CouldNotCheck, coverage.Status);
                if (perRule.Count == 1) Assert.Contains(fact, coverage.MissingFacts);
                Assert.False(string.IsNullOrWhiteSpace(coverage.Reason));
                Assert.False(string.IsNullOrWhiteSpace(coverage.ReasonIn(System.Globalization.CultureInfo.GetCultureInfo("de"))));
                Assert.DoesNotContain(result.Diagnostics, d => d.Id == id);
            }
    }

    [Fact]
    public void An_empty_collection_is_a_statement_and_is_checked()
    {
        var result = TestOrg.Analyze(TestOrg.Doc("\"incentivePlans\": []"));
        Assert.Equal(CoverageStatus.Checked, result.Coverage.Single(c => c.RuleId == "VT3001").Status);
        var missing = TestOrg.Analyze(TestOrg.Doc(""));
        var c = missing.Coverage.Single(c => c.RuleId == "VT3001");
        Assert.Equal(CoverageStatus.CouldNotCheck, c.Status);
        Assert.Equal("the input does not describe incentive plans", c.Reason);
    }

    [Fact]
    public void Switched_off_and_unselected_rules_are_not_applicable()
    {
        var load = OrganizationReader.ReadFile(SeedPaths.Classic);
        var only = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions { OnlyRules = new[] { "VT3001" } });
        Assert.Equal(CoverageStatus.Checked, only.Coverage.Single(c => c.RuleId == "VT3001").Status);
        Assert.Equal(26, only.Coverage.Count(c => c.Status == CoverageStatus.NotApplicable));
        var off = OrganizationAnalyzer.Default.Analyze(load, new AnalysisOptions
        {
            Configuration = Vertrieb40.Rules.Configuration.AnalyzerConfiguration.Parse("vertrieb40_diagnostic.VT1010.severity = none\n", ".globalconfig"),
        });
        var vt1010 = off.Coverage.Single(c => c.RuleId == "VT1010");
        Assert.Equal(CoverageStatus.NotApplicable, vt1010.Status);
        Assert.Equal("switched off by configuration", vt1010.Reason);
    }

    [Fact]
    public void Nothing_checked_means_not_scored()
    {
        // A document with only a unit: no rule has what it needs.
        var result = TestOrg.Analyze(TestOrg.Doc("\"units\": [ { \"id\": \"u\", \"kind\": \"company\" } ]"));
        Assert.All(result.Coverage, c => Assert.Equal(CoverageStatus.CouldNotCheck, c.Status));
        Assert.Null(result.Score());
    }

    [Fact]
    public void The_score_says_over_how_many_rules_it_is()
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(Path.Combine(SeedPaths.Seeds, "sparse-org.json"));
        var score = result.Score()!;
        Assert.Equal(4, score.RulesChecked);
        Assert.Equal(27, score.RulesTotal);
    }
}

/// <summary>Coverage in every output format (issue 10).</summary>
public class CoverageReportTests
{
    private static string Write(Vertrieb40.Rules.Reporting.IReportWriter writer, string culture, AnalysisResult result)
    {
        var sw = new StringWriter();
        writer.Write(new Vertrieb40.Rules.Reporting.ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics,
            System.Globalization.CultureInfo.GetCultureInfo(culture)), sw);
        return sw.ToString();
    }

    private static AnalysisResult Sparse() => OrganizationAnalyzer.Default.AnalyzeFile(Path.Combine(SeedPaths.Seeds, "sparse-org.json"));

    [Fact]
    public void Json_has_a_coverage_entry_per_rule_with_reasons()
    {
        var json = JObject.Parse(Write(new Vertrieb40.Rules.Reporting.JsonReportWriter(), "en", Sparse()));
        var coverage = (JObject)json["files"]![0]!["coverage"]!;
        Assert.Equal(27, (int)coverage["total"]!);
        Assert.Equal(4, (int)coverage["checked"]!);
        var vt3010 = ((JArray)coverage["rules"]!).Single(r => (string?)r["id"] == "VT3010");
        Assert.Equal("couldNotCheck", (string?)vt3010["status"]);
        Assert.StartsWith("the input has no teams with members", (string?)vt3010["reason"]);
        Assert.Equal(4, (int)json["files"]![0]!["score"]!["rulesChecked"]!);
    }

    [Fact]
    public void Html_has_a_section_on_what_it_could_not_judge_in_english_and_german()
    {
        var en = Write(new Vertrieb40.Rules.Reporting.HtmlReportWriter(), "en", Sparse());
        Assert.Contains("data-section=\"coverage\"", en);
        Assert.Contains("What this report could not judge", en);
        Assert.Contains("score over 4 of 27 rules", en);
        var de = Write(new Vertrieb40.Rules.Reporting.HtmlReportWriter(), "de", Sparse());
        Assert.Contains("Was dieser Bericht nicht beurteilen konnte", de);
        Assert.Contains("die Eingabe enthält keine Teams mit Mitgliedern", de);
    }

    [Fact]
    public void Sarif_reports_rules_that_could_not_check_as_execution_notifications()
    {
        var sarif = JObject.Parse(Write(new Vertrieb40.Rules.Reporting.SarifReportWriter(), "en", Sparse()));
        var notes = (JArray)sarif["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!;
        Assert.Equal(23, notes.Count);
        var vt3010 = notes.Single(n => (string?)n["associatedRule"]!["id"] == "VT3010");
        Assert.Equal("note", (string?)vt3010["level"]);
        Assert.StartsWith("VT3010 could not be checked: the input has no teams with members", (string?)vt3010["message"]!["text"]);
        var rules = (JArray)sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        Assert.Equal("VT3010", (string?)rules[(int)vt3010["associatedRule"]!["index"]!]!["id"]);
        Assert.Equal(4, (int)sarif["runs"]![0]!["properties"]!["vertrieb40Coverage"]![0]!["checked"]!);
    }

    [Fact]
    public void Text_has_one_coverage_line()
    {
        var text = Write(new Vertrieb40.Rules.Reporting.TextReportWriter(), "en", Sparse());
        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("Coverage:", StringComparison.Ordinal));
        Assert.StartsWith("Coverage: 4 of 27 rules checked, 23 could not check, 0 not applicable — VT1001, VT1002,", line);
    }
}
