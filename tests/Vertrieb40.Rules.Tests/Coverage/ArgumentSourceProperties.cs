using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;
using Vertrieb40.Rules.Tests.Reference;

namespace Vertrieb40.Rules.Tests.Coverage;

/// <summary>
/// Issue 10, "Every message argument carries its source (a JSON Pointer or a derived count), and a property checks
/// that no argument comes from a default": over generated documents, every argument of every finding has a source;
/// a pointer resolves in the document that was read and its value renders to the argument; a derived value recomputed
/// from the document equals the argument; nothing comes from a property the format defaults when left out.
/// </summary>
public class ArgumentSourceProperties
{
    private static bool IsRuleFinding(Diagnostic d) => !d.Id.StartsWith("VT0", StringComparison.Ordinal);

    private static List<string> Problems(JObject doc)
    {
        var load = TestOrg.Read(doc.ToString());
        if (load.HasErrors) return ["input errors: " + string.Join("; ", load.Diagnostics.Select(d => d.ToString(TestOrg.English)))];
        var result = OrganizationAnalyzer.Default.Analyze(load);
        var problems = new List<string>();
        foreach (var d in result.Diagnostics.Where(IsRuleFinding))
        {
            problems.AddRange(ArgumentSourceCheck.Problems(d, doc));
            // No argument from a default: a source that names a property the format defaults when left out names one
            // the document states.
            foreach (var pointer in d.ArgumentSources.SelectMany(ArgumentSourceCheck.PointersOf))
                if (ArgumentSourceCheck.FormatDefaults.Contains(pointer[(pointer.LastIndexOf('/') + 1)..]) && ArgumentSourceCheck.Resolve(doc, pointer) is null)
                    problems.Add($"{d.Id}: {pointer} is a format default the document leaves out");
        }
        return problems;
    }

    [Property(MaxTest = 150)]
    public Property Every_argument_comes_from_the_document_a_rule_option_or_the_rules_own_words(int seed, int dropSeed)
    {
        var doc = JObject.Parse(RandomOrganization.Json(seed));
        // Both versions: 1.0 keeps its documented default for approval steps (higherRank true), which sources name as the step.
        doc["schemaVersion"] = seed % 2 == 0 ? "1.1" : "1.0";
        // Every optional property may go, the ones the format defaults (unit kind, function) included.
        var dropped = EvidenceProperties.DropOptional(doc, new Random(dropSeed), exemptToo: true);
        var problems = Problems(doc);
        return (problems.Count == 0).Label($"seed {seed}/{dropSeed}; dropped {string.Join(", ", dropped)}\n{string.Join("\n", problems)}");
    }

    [Property(MaxTest = 25)]
    public Property Every_argument_of_a_synthetic_organisation_comes_from_the_document(int seed)
    {
        var generated = new StringWriter();
        OrganizationGenerator.Generate(new GeneratorOptions { People = 40 + Math.Abs(seed % 60), Seed = (ulong)Math.Abs(seed) + 1, AntiPatternDensity = 0.3 }, generated);
        var problems = Problems(JObject.Parse(generated.ToString()));
        return (problems.Count == 0).Label($"seed {seed}\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void The_documented_format_defaults_are_the_ones_the_check_knows()
    {
        // Read from docs/input-format.md: if the page changes, the check follows it.
        Assert.Equal(["everyone", "function", "funnelStage", "kind", "mandatory", "steps"], ArgumentSourceCheck.FormatDefaults.Order(StringComparer.Ordinal));
    }

    private static readonly string[] SeedFiles =
        ["classic-sales-org.json", "midway-org.json", "vertrieb40-org.json", "sparse-org.json", "journey/1-classic.json"];

    /// <summary>
    /// Fails when a rule adds a message argument without a source: every finding of the seeds (which between them fire
    /// every rule) has as many sources as arguments, at least as many as its message's placeholders, none empty.
    /// </summary>
    [Fact]
    public void No_rule_reports_an_argument_without_a_source()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var corpus = SeedFiles.Select(s => File.ReadAllText(Path.Combine(SeedPaths.Seeds, s)))
            .Concat(Enumerable.Range(1, 40).Select(RandomOrganization.Json));
        foreach (var json in corpus)
        {
            var doc = JObject.Parse(json);
            var load = TestOrg.Read(json);
            if (load.HasErrors) continue;
            foreach (var d in OrganizationAnalyzer.Default.Analyze(load).Diagnostics.Where(IsRuleFinding))
            {
                seen.Add(d.Id);
                Assert.True(d.ArgumentSources.Count == d.Arguments.Count, $"{d.Id}: {d.Arguments.Count} arguments, {d.ArgumentSources.Count} sources");
                Assert.DoesNotContain(d.ArgumentSources, string.IsNullOrWhiteSpace);
                var placeholders = System.Text.RegularExpressions.Regex.Matches(d.Descriptor.MessageFormat.ToString(TestOrg.English), @"\{(\d+)[:}]")
                    .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
                Assert.True(placeholders < d.ArgumentSources.Count, $"{d.Id}'s message has placeholder {{{placeholders}}} but {d.ArgumentSources.Count} sources");
            }
        }
        var catalog = OrganizationAnalyzer.Default.SupportedDiagnostics.Select(d => d.Id).Where(id => !id.StartsWith("VT0", StringComparison.Ordinal)).ToHashSet();
        Assert.Empty(catalog.Except(seen).Order());
    }

    [Fact]
    public void An_argument_without_a_source_is_kept_visible_as_an_empty_source()
    {
        var descriptor = OrganizationAnalyzer.Default.SupportedDiagnostics.First(d => d.Id == RuleIds.VT1009);
        var d = Diagnostic.Create(descriptor, Location.None, new SourcedArgument("a", "/targets/0/name"), "unexplained");
        Assert.Equal(["a", "unexplained"], d.Arguments);
        Assert.Equal(["/targets/0/name", ""], d.ArgumentSources);
        Assert.Empty(Diagnostic.Create(descriptor, Location.None, "plain").ArgumentSources);
        Assert.Throws<ArgumentException>(() => Diagnostic.Create(descriptor, Location.None, "x").WithArgumentSources(["/a", "/b"]));
        Assert.Equal(["option(VT1009.x)"], Diagnostic.Create(descriptor, Location.None, "x").WithArgumentSources(["option(VT1009.x)"]).WithSeverity(DiagnosticSeverity.Error).ArgumentSources);
    }

    // --- examples per rule family -------------------------------------------------------------------------------

    private static Diagnostic Single(string body, string id)
        => Assert.Single(TestOrg.Findings(TestOrg.Doc(TestOrg.Structure + ",\n  " + body), id));

    [Fact]
    public void Team_a_control_meeting_names_its_purpose_cadence_scope_and_chair_with_their_pointers()
    {
        var d = Single("""
  "meetings": [ { "id": "m1", "name": "Monday pipeline", "purpose": "pipelineReview", "cadence": "weekly", "chairUnitId": "u-sales", "chairRoleId": "r-field", "attendees": { "unitIds": ["u-sales"] } } ]
""", "VT1010");
        Assert.Equal(["/meetings/0/name", "/meetings/0/purpose", "/meetings/0/cadence", "reach(/meetings/0/attendees)",
            "derived(chair: /meetings/0/chairRoleId, /roles/0/id, /meetings/0/chairUnitId, /units/1/id)"], d.ArgumentSources);
        Assert.Contains("(pipeline review, weekly, 3 people, chaired by the role 'r-field' of the unit 'u-sales')", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Contains("(Pipeline-Review, wöchentlich, 3 Personen, Vorsitz: die Rolle „r-field“ aus der Einheit „u-sales“)", d.GetMessage(CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"chairUnitId\": \"u-sales\"", "chaired by the unit 'u-sales')", "Vorsitz: die Einheit „u-sales“)")]
    [InlineData("\"chairUnitId\": \"u-sales\", \"chairPersonId\": \"p1\"", "chaired by a person of the unit 'u-sales')", "Vorsitz: eine Person aus der Einheit „u-sales“)")]
    [InlineData("\"chairUnitId\": \"u-sales\", \"chairPersonId\": \"p3\"", "chaired by a person in the roles 'r-field' and 'r-inside' of the unit 'u-sales')",
        "Vorsitz: eine Person mit den Rollen „r-field“ und „r-inside“ aus der Einheit „u-sales“)")]
    [InlineData("\"chairPersonId\": \"p1\"", "chaired by a person the document names)", "Vorsitz: eine im Dokument genannte Person)")]
    [InlineData("", "(status report, weekly, 0 people)", "(Statusbericht, wöchentlich, 0 Personen)")]
    public void Team_a_control_meeting_names_its_chair_unit_role_or_the_persons_roles_never_the_person(string chair, string english, string german)
    {
        var d = Single("\"meetings\": [ { \"id\": \"m1\", \"purpose\": \"statusReporting\", \"cadence\": \"weekly\"" + (chair.Length > 0 ? ", " + chair : "") + " } ]", "VT1010");
        Assert.Contains(english, d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Contains(german, d.GetMessage(CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
        Assert.DoesNotContain("p1", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.DoesNotContain("p3", string.Join(" ", d.ArgumentSources), StringComparison.Ordinal);
    }

    [Fact]
    public void Team_counts_come_from_the_team_and_the_threshold_from_the_rule_option()
    {
        var d = TestOrg.Findings(TestOrg.Doc(TestOrg.Structure), "VT1001").Single(f => f.Location.EntityId == "u-north");
        Assert.Equal(["/units/2/id", "derived(directMembersWithFewerRoles: /units/2)", "derived(directMembers: /units/2)", "option(VT1001.minRoles)"], d.ArgumentSources);
    }

    [Fact]
    public void Digitalisation_an_unstated_effort_and_unit_are_absent_not_defaulted()
    {
        var d = Single("\"processes\": [ { \"id\": \"pr1\", \"workType\": \"routine\", \"automation\": \"none\" } ]", "VT2004");
        Assert.Equal(["/processes/0/id", "/processes/0/automation", "absent(/processes/0/performedByUnitId)", "absent(/processes/0/effort)"], d.ArgumentSources);
    }

    [Fact]
    public void Effectiveness_a_plan_without_level_says_so_and_its_source_says_the_level_is_absent()
    {
        var d = Single("\"incentivePlans\": [ { \"id\": \"ip1\", \"type\": \"commission\", \"rate\": 3, \"participants\": { \"roleIds\": [\"r-field\"] } } ]", "VT3001");
        Assert.Equal(["/incentivePlans/0/id", "/incentivePlans/0/type", "absent(/incentivePlans/0/level)", "absent(/incentivePlans/0/metric)",
            "reach(/incentivePlans/0/participants)", "derived(details: /incentivePlans/0/rate)"], d.ArgumentSources);
    }

    [Fact]
    public void Effectiveness_a_sales_unit_of_unstated_kind_is_not_called_a_department()
    {
        var doc = TestOrg.Doc("""
  "units": [ { "id": "u-co", "kind": "company", "function": "management" }, { "id": "u-sales", "function": "sales", "parentId": "u-co" },
             { "id": "u-team", "kind": "team", "function": "crossFunctional", "parentId": "u-co" } ],
  "roles": [ { "id": "r-field", "function": "sales" } ],
  "people": [ { "id": "p1", "unitId": "u-sales", "roleIds": ["r-field"] }, { "id": "p2", "unitId": "u-team", "roleIds": ["r-field"] } ]
""");
        var d = Assert.Single(TestOrg.Findings(doc, "VT3010"));
        Assert.Equal("absent(/units/1/kind)", d.ArgumentSources[1]);
        Assert.Contains("(kind not stated)", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Contains("(Art nicht angegeben)", d.GetMessage(CultureInfo.GetCultureInfo("de")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_hr_export_with_practices_and_a_calendar_points_at_rows_entries_and_events_never_at_a_person()
    {
        var (csv, calendar, options) = Seeds.SeedExpectationTests.CalendarSeed();
        var findings = OrganizationAnalyzer.Default.AnalyzeFile(csv, options).Diagnostics.Where(IsRuleFinding).ToList();
        Assert.NotEmpty(findings);
        // Column 2 of the export is the person's name, column 1 their personnel number.
        var people = File.ReadLines(csv).Skip(1).SelectMany(l => l.Split(';').Take(2)).ToHashSet();
        foreach (var d in findings)
        {
            Assert.Equal(d.Arguments.Count, d.ArgumentSources.Count);
            foreach (var source in d.ArgumentSources)
            {
                Assert.False(string.IsNullOrWhiteSpace(source), d.Id);
                Assert.DoesNotContain(source.Split(['/', ',', ' ', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries), people.Contains);
            }
        }
        // The calendar's meeting: its name from its event; its chair (the organiser) by the roles they hold, as the pointer
        // of the person's roles in the export's rows — an index, not the person.
        var meeting = findings.Single(d => d.Id == "VT1010" && d.Location.FilePath == calendar);
        Assert.Equal("/events/0/name", meeting.ArgumentSources[0]);
        Assert.StartsWith("derived(chair: /events/0/chairPersonId, /rows/", meeting.ArgumentSources[4], StringComparison.Ordinal);
        // The practices' meeting chaired by a unit read from the export: the unit's name is the export's cell.
        var practice = findings.Single(d => d.Id == "VT1010" && d.Location.FilePath != calendar);
        Assert.Matches(@"^derived\(chair: /meetings/0/chairUnitId, /rows/\d+/\w+\)$", practice.ArgumentSources[4]);
    }

    [Theory]
    [InlineData("1.1", "\"approver\": \"head of sales\", \"higherRank\": true", "/approvalPolicies/0/steps/0/higherRank")]
    [InlineData("1.0", "\"approver\": \"head of sales\", \"higherRank\": true", "/approvalPolicies/0/steps/0/higherRank")]
    [InlineData("1.0", "\"approver\": \"head of sales\"", "/approvalPolicies/0/steps/0")]
    public void Effectiveness_a_signature_rule_lists_each_higher_rank_sign_off_and_names_the_1_0_default_as_the_step(string version, string step, string source)
    {
        var doc = TestOrg.Doc(TestOrg.Structure + ",\n  \"approvalPolicies\": [ { \"id\": \"ap1\", \"subject\": \"offer\", \"steps\": [ { " + step + " } ] } ]")
            .Replace("\"schemaVersion\": \"1.1\"", "\"schemaVersion\": \"" + version + "\"", StringComparison.Ordinal);
        var d = Assert.Single(TestOrg.Findings(doc, "VT3007"));
        Assert.Equal("derived(higherRankSignOffs: " + source + ")", d.ArgumentSources[2]);
        Assert.Empty(ArgumentSourceCheck.Problems(d, JObject.Parse(doc)));
    }

    // --- output and privacy ---------------------------------------------------------------------------------------

    private static string Write(IReportWriter writer, AnalysisResult r, bool showNames)
    {
        var sw = new StringWriter();
        writer.Write(new ReportContext([r], OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English) { ShowNames = showNames, BaseDirectory = SeedPaths.Root }, sw);
        return sw.ToString();
    }

    [Fact]
    public void Json_and_sarif_carry_the_sources_and_never_a_persons_name_or_id()
    {
        var path = Path.Combine(SeedPaths.Seeds, "classic-sales-org.json");
        var doc = JObject.Parse(File.ReadAllText(path));
        var r = OrganizationAnalyzer.Default.AnalyzeFile(path, new AnalysisOptions());
        var people = doc["people"]!.SelectMany(p => new[] { (string?)p["id"], (string?)p["name"] }).OfType<string>().Where(s => s.Length > 0).ToHashSet();
        Assert.NotEmpty(people);
        foreach (var showNames in new[] { false, true })
        {
            var json = JObject.Parse(Write(new JsonReportWriter(), r, showNames));
            var sarif = JObject.Parse(Write(new SarifReportWriter(), r, showNames));
            var jsonSources = json["files"]![0]!["diagnostics"]!.Where(d => !((string)d["id"]!).StartsWith("VT0", StringComparison.Ordinal))
                .Select(d => d["argumentSources"]!.Select(s => (string)s!).ToList()).ToList();
            var sarifSources = sarif["runs"]![0]!["results"]!.Where(d => !((string)d["ruleId"]!).StartsWith("VT0", StringComparison.Ordinal))
                .Select(d => d["properties"]!["argumentSources"]!.Select(s => (string)s!).ToList()).ToList();
            Assert.NotEmpty(jsonSources);
            Assert.Equal(jsonSources.Count, sarifSources.Count);
            Assert.Equal(r.Diagnostics.Where(IsRuleFinding).Select(d => d.ArgumentSources.ToList()), jsonSources);
            foreach (var source in jsonSources.Concat(sarifSources).SelectMany(s => s))
            {
                var segments = source.Split(['/', ',', ' ', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);
                Assert.DoesNotContain(segments, people.Contains);
                Assert.DoesNotContain(people.Where(p => p.Length > 3), p => source.Contains(p, StringComparison.Ordinal));
            }
        }
    }
}
