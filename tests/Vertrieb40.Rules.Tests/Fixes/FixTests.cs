using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Fixes.Providers;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Fixes;

public class FixTests
{
    private static bool Supports(string id) => OrganizationAnalyzer.Default.SupportedDiagnostics.Any(d => d.Id == id);

    private static IReadOnlyList<Diagnostic> Errors(string json)
    {
        var load = OrganizationReader.ReadString(json, "org.json");
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        return OrganizationAnalyzer.Default.Analyze(load).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>Fixes one rule with the real analyzer and checks the contract: the finding is gone, no new error, twice == once.</summary>
    private static FixResult FixAndCheck(string json, string id)
    {
        var before = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(json, "org.json"));
        Assert.Contains(before.Diagnostics, d => d.Id == id);
        var result = OrganizationFixer.Fix(json, "org.json", ruleIds: new[] { id });
        Assert.True(result.Changed);
        Assert.All(result.Applied, a => Assert.Equal(id, a.Diagnostic.Id));
        var after = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(result.Fixed.Text, "org.json"));
        Assert.False(after.InputFailed);
        Assert.DoesNotContain(after.Diagnostics, d => d.Id == id);
        var oldErrors = before.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + d.Location.EntityId).ToHashSet();
        Assert.All(after.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Contains(d.Id + d.Location.EntityId, oldErrors));
        var twice = OrganizationFixer.Fix(result.Fixed.Text, "org.json", ruleIds: new[] { id });
        Assert.Equal(result.Fixed.Text, twice.Fixed.Text);
        Assert.Empty(twice.Applied);
        return result;
    }

    [Theory]
    [InlineData("VT3001", "\"type\": \"commission\"", "\"type\": \"fixed\"")]
    public void Value_fixes_change_exactly_one_value(string id, string before, string after)
    {
        var json = ConfigurationTests.Json;
        var result = FixAndCheck(json, id);
        // Everything else is byte-for-byte the same: formatting, property order, unrelated content.
        var i = json.IndexOf(before, StringComparison.Ordinal);
        Assert.True(i >= 0);
        Assert.Equal(json[..i] + after + json[(i + before.Length)..], result.Fixed.Text);
        var applied = Assert.Single(result.Applied);
        Assert.StartsWith(id + ".", applied.EquivalenceKey, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(applied.Title));
    }

    [Theory]
    [InlineData("VT1009", "targets")]
    [InlineData("VT1010", "meetings")]
    public void Leave_out_fixes_remove_the_practice_instead_of_relabelling_it(string id, string collection)
    {
        // Article L141–143: self-organisation comes from leaving out individual targets and control meetings.
        // A team target or a "coordination" label would keep the practice; after the fix it is gone from the document.
        var json = ConfigurationTests.Json;
        var before = TestOrg.Read(json, "org.json").Organization!;
        var result = FixAndCheck(json, id);
        var after = TestOrg.Read(result.Fixed.Text, "org.json").Organization!;
        var removed = Assert.Single(result.Applied).Diagnostic.Location.EntityId;
        int Count(Vertrieb40.Rules.Model.Organization o) => collection == "targets" ? o.Targets.Count : o.Meetings.Count;
        Assert.Equal(Count(before) - 1, Count(after));
        Assert.DoesNotContain(after.Targets.Cast<Vertrieb40.Rules.Model.Entity>().Concat(after.Meetings), e => e.Id == removed);
        Assert.StartsWith(id + ".", Assert.Single(result.Applied).EquivalenceKey, StringComparison.Ordinal);
    }

    [Fact]
    public void All_fixes_together_clear_the_classic_seed_of_these_rules()
    {
        var json = File.ReadAllText(SeedPaths.Classic);
        var result = OrganizationFixer.Fix(json, SeedPaths.Classic);
        Assert.True(result.Applied.Count >= 6);
        var after = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(result.Fixed.Text, "classic.json"));
        // Except a leadership role held by one person: no second lead is proposed for it (article L40), so it stays.
        Assert.DoesNotContain(after.Diagnostics, d => result.Applied.Any(a => a.Diagnostic.Id == d.Id) && d.Properties.GetValueOrDefault("leadership") != "true");
        Assert.Contains(after.Diagnostics, d => d.Id == "VT1002" && d.Properties.GetValueOrDefault("leadership") == "true");
        Assert.DoesNotContain(after.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("VT0", StringComparison.Ordinal));
        Assert.Equal(result.Fixed.Text, OrganizationFixer.Fix(result.Fixed.Text, SeedPaths.Classic).Fixed.Text);
    }

    [Fact]
    public void Suppressed_findings_are_not_fixed()
    {
        var json = ConfigurationTests.Json[..ConfigurationTests.Json.LastIndexOf('}')].TrimEnd()
            + ",\n  \"suppressions\": [ { \"ruleId\": \"VT3001\", \"target\": \"ip1\", \"justification\": \"agreed\" } ]\n}";
        var result = OrganizationFixer.Fix(json, "org.json", ruleIds: new[] { "VT3001" });
        Assert.False(result.Changed);
    }

    [Fact]
    public void A_document_with_input_errors_is_not_fixed()
    {
        var result = OrganizationFixer.Fix("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }", "bad.json");
        Assert.True(result.InputFailed);
        Assert.False(result.Changed);
    }

    // --- VT1002: a role held by one person in a team -------------------------------------------------

    private static readonly DiagnosticDescriptor Vt1002 = new("VT1002", "Test", "Test", DiagnosticCategories.Team, DiagnosticSeverity.Warning, true);

    private static string TeamDoc(string people) => TestOrg.Doc("""
  "units": [
    { "id": "u-co", "kind": "company" },
    { "id": "u-north", "kind": "team", "parentId": "u-co" }
  ],
  "roles": [ { "id": "r-field" }, { "id": "r-inside" }, { "id": "r-editor" } ],
  "people": [
""" + people + "\n  ]");

    private static Diagnostic SingleHolder(string json, string unitId, string roleId)
    {
        var unit = TestOrg.Read(json).Organization!.Units.Single(u => u.Id == unitId);
        return Diagnostic.Create(Vt1002, new Location("org.json", unit.Pointer, new LineSpan(unit.Start.Line, unit.Start.Column, unit.End.Line, unit.End.Column), "units", unitId),
            null, new Dictionary<string, string?> { ["unitId"] = unitId, ["roleId"] = roleId });
    }

    private static string ApplyTwiceChecked(CodeFixProvider provider, Diagnostic diagnostic, string json)
    {
        var action = provider.GetFix(diagnostic)!;
        var once = action.Apply(new OrganizationDocument(json))!;
        Assert.NotNull(once);
        Assert.False(TestOrg.Read(once.Text).HasErrors);
        var twice = action.Apply(once);
        Assert.True(twice is null || twice.Text == once.Text);
        var oldErrors = Errors(json);
        Assert.DoesNotContain(Errors(once.Text), d => !oldErrors.Any(o => o.Id == d.Id && o.Location.EntityId == d.Location.EntityId));
        return once.Text;
    }

    private static IEnumerable<string> RolesOf(string json, string person)
        => TestOrg.Read(json).Organization!.People.Single(p => p.Id == person).Roles.Select(r => r.Id);

    [Fact]
    public void Vt1002_gives_the_role_to_the_member_with_the_fewest_roles()
    {
        var json = TeamDoc("""
    { "id": "p1", "unitId": "u-north", "roleIds": ["r-inside", "r-field"] },
    { "id": "p2", "unitId": "u-north", "roleIds": ["r-field", "r-editor"] },
    { "id": "p3", "unitId": "u-north", "roleIds": ["r-field"] },
    { "id": "p4", "unitId": "u-co", "roleIds": [] }
""");
        var fixedJson = ApplyTwiceChecked(new SingleHolderRoleFixProvider(), SingleHolder(json, "u-north", "r-inside"), json);
        Assert.Equal(new[] { "r-field", "r-inside" }, RolesOf(fixedJson, "p3"));
        Assert.Equal(new[] { "r-field", "r-editor" }, RolesOf(fixedJson, "p2"));
        Assert.Empty(RolesOf(fixedJson, "p4")); // not in the team
    }

    [Fact]
    public void Vt1002_ties_go_to_the_first_in_document_order_and_a_missing_list_is_created()
    {
        var json = TeamDoc("""
    { "id": "p1", "unitId": "u-north", "roleIds": ["r-inside"] },
    { "id": "p2", "unitId": "u-north" },
    { "id": "p3", "unitId": "u-north" }
""");
        var fixedJson = ApplyTwiceChecked(new SingleHolderRoleFixProvider(), SingleHolder(json, "u-north", "r-inside"), json);
        Assert.Equal(new[] { "r-inside" }, RolesOf(fixedJson, "p2"));
        Assert.Empty(RolesOf(fixedJson, "p3"));
    }

    [Fact]
    public void Vt1002_offers_nothing_when_nobody_else_is_in_the_team()
    {
        var json = TeamDoc("""    { "id": "p1", "unitId": "u-north", "roleIds": ["r-inside"] }""");
        Assert.Null(new SingleHolderRoleFixProvider().GetFix(SingleHolder(json, "u-north", "r-inside"))!.Apply(new OrganizationDocument(json)));
    }

    [Fact]
    public void Vt1002_with_the_real_rule()
    {
        Assert.True(Supports("VT1002"));
        var json = TeamDoc("""
    { "id": "p1", "unitId": "u-north", "roleIds": ["r-inside", "r-field"] },
    { "id": "p2", "unitId": "u-north", "roleIds": ["r-field", "r-inside"] },
    { "id": "p3", "unitId": "u-north", "roleIds": ["r-field", "r-editor"] }
""");
        FixAndCheck(json, "VT1002");
    }

    // --- VT3007: signature rule -------------------------------------------------------------------

    private const string PolicyDoc = """
{
  "schemaVersion": "1.0",
  "units": [ { "id": "u-co", "kind": "company" } ],
  "approvalPolicies": [
    {
      "id": "ap-offer",
      "subject": "offer",
      "steps": [
        { "approver": "head of sales", "higherRank": true },
        { "approver": "colleague", "higherRank": false },
        { "approver": "managing director" }
      ]
    }
  ]
}
""";

    private static Diagnostic At(string id, string json, string collection, string entityId)
    {
        var org = TestOrg.Read(json).Organization!;
        var e = org.AllEntities().Single(x => x.Collection == collection && x.Id == entityId);
        return Diagnostic.Create(new DiagnosticDescriptor(id, "Test", "Test", "Test", DiagnosticSeverity.Warning, true),
            new Location("org.json", e.Pointer, new LineSpan(e.Start.Line, e.Start.Column, e.End.Line, e.End.Column), collection, entityId));
    }

    [Fact]
    public void Vt3007_removes_the_higher_rank_steps_only()
    {
        // The real finding: it lists the higher-rank steps (in 1.0 a step without higherRank is one, as that schema documented).
        var finding = Assert.Single(TestOrg.Findings(PolicyDoc, "VT3007"));
        var fixedJson = ApplyTwiceChecked(new SignatureRuleFixProvider(), finding, PolicyDoc);
        var policy = TestOrg.Read(fixedJson).Organization!.ApprovalPolicies.Single();
        var step = Assert.Single(policy.Steps);
        Assert.Equal("colleague", step.Approver);
        Assert.Contains("      \"steps\": [\n        { \"approver\": \"colleague\", \"higherRank\": false }\n      ]", fixedJson.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Vt3007_in_a_11_document_removes_only_the_stated_higher_rank_sign_offs_and_the_principle_holds_afterwards()
    {
        // 1.1: a step that does not state its rank is not a signature rule and survives the fix; a policy whose only
        // higher-rank sign-off is a threshold loses that threshold. Afterwards VT3007 finds nothing.
        var json = PolicyDoc.Replace("\"1.0\"", "\"1.1\"", StringComparison.Ordinal).Replace("""
        { "approver": "managing director" }
""", """
        { "approver": "managing director" }
      ]
    },
    {
      "id": "ap-discount", "subject": "discount",
      "thresholds": [ { "above": 10, "approver": "head of sales", "higherRank": true }, { "above": 5, "approver": "colleague" } ],
      "steps": [
        { "approver": "colleague", "higherRank": false }
""", StringComparison.Ordinal);
        var findings = TestOrg.Findings(json, "VT3007");
        Assert.Equal(2, findings.Count);
        var text = json;
        foreach (var f in findings.OrderByDescending(f => f.Location.Span.StartLine))
            text = new SignatureRuleFixProvider().GetFix(f)!.Apply(new OrganizationDocument(text))!.Text;
        var policies = TestOrg.Read(text).Organization!.ApprovalPolicies;
        Assert.Equal(["colleague", "managing director"], policies[0].Steps.Select(s => s.Approver));
        Assert.Equal([5.0], policies[1].Thresholds.Select(t => t.Above));
        Assert.Empty(TestOrg.Findings(text, "VT3007"));
    }

    [Fact]
    public void Vt3007_with_the_real_rule()
    {
        Assert.True(Supports("VT3007"));
        FixAndCheck(PolicyDoc, "VT3007");
    }

    // --- VT2005: silo hand-over ---------------------------------------------------------------------

    private const string HandoffDoc = """
{
  "schemaVersion": "1.0",
  "units": [
    { "id": "u-co", "kind": "company" },
    { "id": "u-mkt", "kind": "department", "function": "marketing", "parentId": "u-co" },
    { "id": "u-sales", "kind": "department", "function": "sales", "parentId": "u-co" }
  ],
  "handoffs": [
    { "id": "h-mql", "fromUnitId": "u-mkt", "toUnitId": "u-sales", "artifact": "MQL" },
    { "id": "h-concept", "fromUnitId": "u-mkt", "toUnitId": "u-sales", "artifact": "trade-fair concept" }
  ]
}
""";

    [Fact]
    public void Vt2005_removes_the_handoff_and_keeps_the_others()
    {
        var fixedJson = ApplyTwiceChecked(new SiloHandoffFixProvider(), At("VT2005", HandoffDoc, "handoffs", "h-mql"), HandoffDoc);
        var org = TestOrg.Read(fixedJson).Organization!;
        Assert.Equal("h-concept", Assert.Single(org.Handoffs).Id);
        Assert.Equal(3, org.Units.Count);
    }

    [Fact]
    public void Fixes_for_several_entries_of_one_array_apply_one_after_another()
    {
        var provider = new SiloHandoffFixProvider();
        var doc = new OrganizationDocument(HandoffDoc);
        doc = provider.GetFix(At("VT2005", HandoffDoc, "handoffs", "h-mql"))!.Apply(doc)!;
        doc = provider.GetFix(At("VT2005", HandoffDoc, "handoffs", "h-concept"))!.Apply(doc)!;
        Assert.Contains("\"handoffs\": []", doc.Text, StringComparison.Ordinal);
        Assert.False(TestOrg.Read(doc.Text).HasErrors);
    }

    [Fact]
    public void Vt2005_with_the_real_rule()
    {
        Assert.True(Supports("VT2005"));
        FixAndCheck(HandoffDoc, "VT2005");
    }

    [Fact]
    public void Providers_declare_what_they_fix_and_ignore_other_ids()
    {
        var ids = OrganizationFixer.BuiltInProviders.SelectMany(p => p.FixableDiagnosticIds).Order().ToArray();
        Assert.Equal(new[] { "VT1002", "VT1009", "VT1010", "VT2005", "VT3001", "VT3007" }, ids);
        var other = Diagnostic.Create(InputDescriptors.UnknownProperty, Location.None, "a", "b");
        Assert.All(OrganizationFixer.BuiltInProviders, p => Assert.Null(p.GetFix(other)));
    }
}
