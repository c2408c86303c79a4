using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;
using static Vertrieb40.Rules.Tests.Comparison.ComparisonTestSupport;

namespace Vertrieb40.Rules.Tests.Comparison;

public class DiffTests
{
    private static readonly string Classic = File.ReadAllText(SeedPaths.Classic);

    private static string Edit(Action<JObject> edit)
    {
        var doc = JObject.Parse(Classic);
        edit(doc);
        return doc.ToString();
    }

    [Fact]
    public void A_document_compared_with_itself_has_no_change()
    {
        var a = Of(Classic);
        var diff = SnapshotDiff.Compare(a, a);
        Assert.True(diff.IsEmpty);
        Assert.Equal(a.Findings.Count, diff.OfKind(FindingChangeKind.Unchanged).Count());
        Assert.All(diff.Scores, s => Assert.Equal(0, s.Delta));
        Assert.All(diff.People, p => Assert.Equal(0, p.Delta));
    }

    [Fact]
    public void Reordering_every_collection_changes_no_finding()
    {
        var reordered = Edit(doc =>
        {
            foreach (var p in doc.Properties().Where(p => p.Value is JArray).ToList())
                p.Value = new JArray(((JArray)p.Value).Reverse());
        });
        var diff = SnapshotDiff.Compare(Of(Classic), Of(reordered));
        Assert.True(diff.IsEmpty, string.Join("\n", diff.Findings.Where(f => f.Kind != FindingChangeKind.Unchanged).Select(f => f.Kind + " " + f.Current.RuleId + " " + f.Current.EntityId)));
        // The lines moved, the findings did not.
        Assert.Contains(diff.Findings, f => f.Before!.Line != f.After!.Line);
    }

    [Fact]
    public void A_renamed_entity_with_the_same_id_is_changed_not_new()
    {
        var renamed = Edit(doc => doc["incentivePlans"]![0]!["name"] = "Sales variable pay 2027");
        var diff = SnapshotDiff.Compare(Of(Classic), Of(renamed));
        var change = Assert.Single(diff.Findings, f => f.Kind != FindingChangeKind.Unchanged);
        Assert.Equal(FindingChangeKind.Changed, change.Kind);
        Assert.Equal(("VT3001", "ip-commission"), (change.Current.RuleId, change.Current.EntityId));
        Assert.True(change.MessageChanged);
        Assert.False(change.SeverityChanged);
        Assert.Contains("Sales variable pay 2027", change.After!.Message);
        Assert.Contains("Sales commission 2026", change.Before!.Message);
    }

    [Fact]
    public void A_changed_id_is_a_resolved_and_a_new_finding()
    {
        var moved = Edit(doc => doc["incentivePlans"]![0]!["id"] = "ip-commission-2027");
        var diff = SnapshotDiff.Compare(Of(Classic), Of(moved));
        Assert.Equal("ip-commission-2027", Assert.Single(diff.OfKind(FindingChangeKind.New)).After!.EntityId);
        Assert.Equal("ip-commission", Assert.Single(diff.OfKind(FindingChangeKind.Resolved)).Before!.EntityId);
    }

    [Fact]
    public void A_changed_reach_and_severity_are_reported_as_changed()
    {
        // Fewer participants: the message states the reach, so the finding is changed; VT3001's people fall.
        var fewer = Edit(doc => doc["incentivePlans"]![0]!["participants"] = JObject.Parse("{ \"unitIds\": [\"u-sales-north\"] }"));
        var diff = SnapshotDiff.Compare(Of(Classic), Of(fewer));
        var change = Assert.Single(diff.OfKind(FindingChangeKind.Changed), f => f.Current.RuleId == "VT3001");
        Assert.Contains("22 people", change.Before!.Message);
        Assert.DoesNotContain("22 people", change.After!.Message);
        var people = Assert.Single(diff.People, p => p.RuleId == "VT3001");
        Assert.True(people.After < people.Before);

        // A severity configured differently is a severity change.
        var before = Of(Classic);
        var after = new Snapshot("b.json", before.Findings.Select(f => f.RuleId == "VT1010" ? f with { Severity = DiagnosticSeverity.Error } : f).ToList(),
            before.Scores, before.RulePeople, before.People);
        var severity = SnapshotDiff.Compare(before, after);
        Assert.All(severity.OfKind(FindingChangeKind.Changed), f => Assert.True(f.SeverityChanged && !f.MessageChanged));
        Assert.Equal(before.Findings.Count(f => f.RuleId == "VT1010"), severity.OfKind(FindingChangeKind.Changed).Count());
        Assert.Equal(0, severity.NewAtOrAbove(DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void Score_and_people_deltas_follow_the_analysis()
    {
        var diff = SnapshotDiff.Compare(Load(SeedPaths.Classic), Load(SeedPaths.Clean));
        var classic = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Score()!.Organization;
        var clean = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Clean).Score()!.Organization;
        var overall = diff.Scores[0];
        Assert.Equal("Overall", overall.Category);
        Assert.Equal((classic.Overall.Score, clean.Overall.Score), (overall.Before!.Value, overall.After!.Value));
        Assert.Equal(clean["Team"].Score - classic["Team"].Score, diff.Scores.Single(s => s.Category == "Team").Delta);
        var exposure = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Exposure!;
        Assert.Equal(exposure.Rules.Single(r => r.RuleId == "VT3001").People, diff.People.Single(p => p.RuleId == "VT3001").Before);
    }

    [Fact]
    public void A_saved_json_result_is_the_same_snapshot_as_its_document()
    {
        var dir = Directory.CreateTempSubdirectory("vt40-diff-");
        try
        {
            var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, new AnalysisOptions());
            var saved = Path.Combine(dir.FullName, "classic.result.json");
            File.WriteAllText(saved, Write(w => new JsonReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, English), w)));
            var fromJson = Load(saved);
            var fromDoc = Load(SeedPaths.Classic);
            Assert.True(SnapshotDiff.Compare(fromDoc, fromJson).IsEmpty);
            Assert.Equal(fromDoc.Findings.Select(f => f.Fingerprint), fromJson.Findings.Select(f => f.Fingerprint));
            Assert.Equal(fromDoc.Scores, fromJson.Scores);
            Assert.Equal(fromDoc.RulePeople, fromJson.RulePeople);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_result_of_another_version_is_recomputed_from_its_document_or_refused()
    {
        var dir = Directory.CreateTempSubdirectory("vt40-diff-");
        try
        {
            var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic, new AnalysisOptions());
            var json = JObject.Parse(Write(w => new JsonReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, English), w)));
            json["formatVersion"] = "1.0";
            json["files"]![0]!["score"]!["overall"]!["score"] = 99; // a score of another formula: never compared
            var old = Path.Combine(dir.FullName, "old.result.json");
            File.WriteAllText(old, json.ToString());

            var recomputed = Loader().Load(old);
            Assert.NotNull(recomputed.Snapshot);
            Assert.Contains("recomputed from its document", recomputed.Note);
            Assert.Equal(result.Score()!.Organization.Overall.Score, recomputed.Snapshot!.Score("Overall")!.Score);

            json["files"]![0]!["path"] = Path.Combine(dir.FullName, "gone.json");
            File.WriteAllText(old, json.ToString());
            var refused = Loader().Load(old);
            Assert.Null(refused.Snapshot);
            var error = Assert.Single(refused.Errors);
            Assert.Equal("/formatVersion", error.Pointer);
            Assert.Equal(2, error.Line);
            Assert.Contains("not comparable", error.Message);
            Assert.Contains("cannot be found", error.Message);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_broken_saved_result_is_a_located_error()
    {
        var dir = Directory.CreateTempSubdirectory("vt40-diff-");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(path, "{\n  \"formatVersion\": \"1.1\",\n  \"tool\": { \"name\": \"vertrieb40\", \"version\": \"" + Loader().ToolVersion + "\" },\n  \"files\": [ { \"path\": \"x.json\", \"diagnostics\": [ { \"id\": 5 } ] } ]\n}\n");
            var load = Loader().Load(path);
            var error = Assert.Single(load.Errors);
            Assert.Equal("/files/0/diagnostics/0", error.Pointer);
            Assert.Equal(4, error.Line);
            Assert.StartsWith(path + "(4,", error.ToString(), StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_finding_on_a_person_entry_shows_no_person_id_without_show_names()
    {
        var f = new SnapshotFinding("VT9999", "Team", DiagnosticSeverity.Warning, "T", "m", "people", "p-secret-42", "fp", 3);
        var before = new Snapshot("a.json", Array.Empty<SnapshotFinding>(), null, Array.Empty<SnapshotRulePeople>(), 1);
        var after = new Snapshot("b.json", new[] { f }, null, Array.Empty<SnapshotRulePeople>(), 1);
        var diff = SnapshotDiff.Compare(before, after);
        foreach (var format in DiffReport.Formats)
        {
            Assert.DoesNotContain("p-secret-42", Write(w => DiffReport.Write(diff, format, w)));
            Assert.Contains("p-secret-42", Write(w => DiffReport.Write(diff, format, w, new ComparisonReportOptions { ShowNames = true })));
        }
    }

    [Fact]
    public void Organization_asOf_is_read_and_a_bad_date_is_a_located_error()
    {
        var good = TestOrg.Read(TestOrg.Doc("\"organization\": { \"name\": \"X\", \"asOf\": \"2026-03-31\" }"));
        Assert.False(good.HasErrors);
        Assert.Equal(new DateOnly(2026, 3, 31), good.Organization!.AsOf);

        var bad = TestOrg.Read(TestOrg.Doc("\"organization\": {\n    \"asOf\": \"31.03.2026\"\n  }"));
        var d = Assert.Single(bad.Diagnostics);
        Assert.Equal("VT0008", d.Id);
        Assert.Equal("/organization/asOf", d.Location.JsonPointer);
        Assert.Equal(4, d.Location.Span.StartLine);
        Assert.Contains("2026-03-31", d.GetMessage(TestOrg.English));

        var result = TestOrg.Analyze(TestOrg.Doc("\"organization\": { \"asOf\": \"2026-03-31\" }"));
        Assert.Equal(new DateOnly(2026, 3, 31), result.AsOf);
        Assert.Contains("\"asOf\": \"2026-03-31\"", Write(w => new JsonReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, English), w)));
    }

    [Theory]
    [InlineData("org-2026-03-31.json", "2026-03-31")]
    [InlineData("2025-12-01_export.csv", "2025-12-01")]
    [InlineData("org-2026-13-01.json", null)]
    [InlineData("org-12026-03-31.json", null)]
    [InlineData("org.json", null)]
    public void A_date_in_the_file_name_is_found(string name, string? expected)
        => Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SnapshotLoader.DateFromFileName("/x/" + name));
}
