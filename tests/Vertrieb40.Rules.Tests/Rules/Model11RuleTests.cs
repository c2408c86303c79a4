using System.Globalization;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

/// <summary>
/// The rules that read schema 1.1 properties (issue 10; VT1005's processes: issue 19): each fires on what the property
/// states, and a property left out never creates a finding (unknown stays unknown).
/// </summary>
public class Model11RuleTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");

    private static string Doc(string practices) => TestOrg.Doc(TestOrg.Structure + ",\n" + practices);

    // ---- VT1006: owners as roles or people

    [Fact]
    public void Vt1006_counts_owning_roles_and_people_even_inside_one_unit()
    {
        var ds = Markup.Verify(Doc("""
  "decisionRights": [
    {|VT1006:{ "id": "dr-roles", "area": "pricing", "ownerRoleIds": ["r-field", "r-inside"] }|},
    {|VT1006:{ "id": "dr-people", "area": "campaigns", "ownerPersonIds": ["p2", "p3"] }|},
    {|VT1006:{ "id": "dr-mixed", "area": "events", "ownerUnitIds": ["u-north"], "ownerRoleIds": ["r-editor"] }|},
    { "id": "dr-role", "area": "tools", "ownerRoleIds": ["r-field"] },
    { "id": "dr-person", "area": "hiring", "ownerPersonIds": ["p4"] }
  ]
"""));
        var people = ds.Single(d => d.Location.EntityId == "dr-people");
        Assert.Contains("has 2 owners.", people.GetMessage(TestOrg.English));
        Assert.Contains("hat 2 verantwortliche Stellen.", people.GetMessage(German));
        // Messages built on ownerPersonIds count people, they never name them.
        foreach (var d in ds)
        {
            Assert.DoesNotContain("p2", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
            Assert.DoesNotContain("p3", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        }
        Assert.Equal("/decisionRights/1", people.Location.JsonPointer);
    }

    // ---- VT1005: mandatory processes pre-empt the owners

    private const string Processes = """
  "processes": [
    { "id": "pr-controlling", "workType": "complex", "mandatory": true, "ownerUnitId": "u-mkt" },
    { "id": "pr-optional", "workType": "complex", "mandatory": false, "ownerUnitId": "u-mkt" },
    { "id": "pr-own", "workType": "complex", "mandatory": true, "ownerUnitId": "u-north" },
    { "id": "pr-anonymous", "workType": "complex", "mandatory": true }
  ]
""";

    [Fact]
    public void Vt1005_fires_when_a_mandatory_process_prescribed_elsewhere_governs_the_decisions()
    {
        var d = Assert.Single(Markup.Verify(Doc(Processes + """
,
  "decisionRights": [
    {|VT1005:{ "id": "dr", "area": "offers", "ownerUnitIds": ["u-north"], "governedByProcessIds": ["pr-controlling", "pr-own"] }|}
  ]
"""), "VT1005"));
        Assert.Contains("0 approving units and 0 policies written elsewhere, as well as 1 mandatory process prescribed elsewhere.", d.GetMessage(TestOrg.English));
        Assert.Contains("0 anderswo geschriebene Richtlinien, dazu 1 anderswo vorgeschriebener Pflichtprozess.", d.GetMessage(German));
        Assert.Equal("pr-controlling", Assert.Single(d.AdditionalLocations).EntityId);
    }

    [Fact]
    public void Vt1005_is_silent_on_optional_own_or_unattributed_processes()
    {
        // Not stated mandatory, written by the owners, or written by nobody the document names: not claimed.
        Markup.Verify(Doc(Processes + """
,
  "decisionRights": [
    { "id": "dr", "area": "offers", "ownerUnitIds": ["u-north"], "governedByProcessIds": ["pr-optional", "pr-own", "pr-anonymous"] },
    { "id": "dr-roles", "area": "prices", "ownerRoleIds": ["r-field"], "governedByProcessIds": ["pr-controlling"] }
  ]
"""), "VT1005");
    }

    // ---- VT3001: rate, period, split, who decided; profit share split by result; prizes

    [Fact]
    public void Vt3001_says_what_the_plan_states_about_itself()
    {
        var d = Assert.Single(TestOrg.Findings(Doc("""
  "incentivePlans": [ { "id": "ip", "name": "Q4 SPIFF", "type": "spiff", "level": "individual", "metric": "revenue", "rate": 3,
    "temporary": true, "period": "Q4 2026", "distribution": "byResult", "decidedBy": { "personIds": ["p1"] },
    "participants": { "unitIds": ["u-sales"] } } ]
"""), "VT3001"));
        Assert.Contains("(SPIFF, level: individual, metric: revenue, rate: 3 %, temporary: Q4 2026, split: by result, decided by 1 person)", d.GetMessage(TestOrg.English));
        Assert.Contains("Kennzahl: revenue, Satz: 3 %, befristet: Q4 2026, Aufteilung: nach Ergebnis, beschlossen von 1 Person)", d.GetMessage(German));
    }

    [Fact]
    public void Vt3001_message_is_unchanged_when_no_11_property_is_stated()
    {
        var d = Assert.Single(TestOrg.Findings(Doc("""
  "incentivePlans": [ { "id": "ip", "type": "commission", "metric": "revenue", "participants": { "unitIds": ["u-sales"] } } ]
"""), "VT3001"));
        Assert.StartsWith("Incentive plan 'ip' (commission, level: not stated, metric: revenue) pays variable money to 3 people.", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("byResult", true)]
    [InlineData("equal", false)]
    [InlineData(null, false)]
    public void Vt3001_a_profit_share_for_everyone_split_by_result_is_an_incentive(string? distribution, bool fires)
    {
        var split = distribution is null ? "" : $", \"distribution\": \"{distribution}\"";
        var json = Doc($$"""
  "incentivePlans": [ { "id": "ip", "type": "profitShare", "participants": { "everyone": true }{{split}} } ]
""");
        Assert.Equal(fires ? 1 : 0, TestOrg.Findings(json, "VT3001").Count);
    }

    [Fact]
    public void Vt3001_a_contest_with_a_prize_is_incentive_pay_and_an_error()
    {
        // Article L439: "every form of incentive". Without incentivePlans the rule still judges the stated prize.
        var result = TestOrg.Analyze(Doc("""
  "recognitionPrograms": [
    { "id": "rp-trip", "name": "Sales trip", "kind": "contest", "prize": "a trip to Mallorca", "participants": { "unitIds": ["u-sales"] } },
    { "id": "rp-plain", "kind": "contest", "participants": { "unitIds": ["u-sales"] } }
  ]
"""));
        var d = Assert.Single(result.Diagnostics, x => x.Id == "VT3001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("rp-trip", d.Location.EntityId);
        Assert.StartsWith("Recognition programme 'Sales trip' (sales contest) gives a prize (a trip to Mallorca) to winners among 3 people.", d.GetMessage(TestOrg.English));
        Assert.Contains("vergibt einen Preis (a trip to Mallorca) an Gewinner unter 3 Personen", d.GetMessage(German));
        Assert.Equal(CoverageStatus.Checked, Assert.Single(result.Coverage, c => c.RuleId == "VT3001").Status);
        // The ranking itself stays VT3009's finding: a prize adds pay to a ranking, it does not replace it.
        Assert.Equal(2, result.Diagnostics.Count(x => x.Id == "VT3009"));
        // The fix for plans ("type": "fixed") does not apply to a programme.
        Assert.Null(new Vertrieb40.Rules.Fixes.Providers.IncentivePayFixProvider().GetFix(d));
    }

    // ---- VT2004: effort

    [Theory]
    [InlineData("{ \"people\": 12, \"percent\": 20 }", "It costs 12 people 20 % of their working time: automating it would give back about 2.4 full-time equivalents.")]
    [InlineData("{ \"people\": 5, \"percent\": 20 }", "about 1 full-time equivalent.")]
    [InlineData("{ \"percent\": 15 }", "It costs those who do it 15 % of their working time.")]
    [InlineData("{ \"people\": 1 }", "1 person does it.")]
    public void Vt2004_says_how_much_time_automation_would_give_back(string effort, string expected)
    {
        var d = Assert.Single(TestOrg.Findings(Doc($$"""
  "processes": [ { "id": "pr", "workType": "routine", "automation": "none", "effort": {{effort}} } ]
"""), "VT2004"));
        Assert.Contains(expected, d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Vt2004_without_effort_estimates_nothing()
    {
        var d = Assert.Single(TestOrg.Findings(Doc("""
  "processes": [ { "id": "pr", "workType": "routine", "automation": "none" } ]
"""), "VT2004"));
        Assert.Contains("done by hand. Knowledge", d.GetMessage(TestOrg.English));
        Assert.Contains("Vollzeit", Assert.Single(TestOrg.Findings(Doc("""
  "processes": [ { "id": "pr", "workType": "routine", "automation": "none", "effort": { "people": 3, "percent": 50 } } ]
"""), "VT2004")).GetMessage(German));
    }

    // ---- VT3010: people in sales roles with no unit at all

    // Two holders of the sales role r-field (one listing it twice) and one editor belong to no unit.
    private static string SalesPeopleWithoutUnit() => TestOrg.Doc(TestOrg.Structure.Replace("""
    { "id": "p5", "unitId": "u-mkt", "managerId": "p1", "roleIds": ["r-editor"] }
""", """
    { "id": "p5", "unitId": "u-mkt", "managerId": "p1", "roleIds": ["r-editor"] },
    { "id": "p6", "roleIds": ["r-field"] },
    { "id": "p7", "roleIds": ["r-field", "r-field"] },
    { "id": "p8", "roleIds": ["r-editor"] }
""", StringComparison.Ordinal));

    [Fact]
    public void Vt3010_counts_sales_people_with_no_unit_at_their_role_never_at_a_person()
    {
        var json = SalesPeopleWithoutUnit();
        var d = Assert.Single(TestOrg.Findings(json, "VT3010"));
        Assert.Equal(("roles", "r-field"), (d.Location.EntityKind, d.Location.EntityId));
        Assert.StartsWith("Sales role 'r-field' is held by 2 people who belong to no unit at all.", d.GetMessage(TestOrg.English));
        Assert.StartsWith("2 Personen haben die Vertriebsrolle „r-field“ inne und gehören keiner Einheit an.", d.GetMessage(German));
        Assert.DoesNotContain("p6", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Empty(TestOrg.Findings(json, "VT3010", new Dictionary<string, string> { ["VT3010.minPeople"] = "3" }));
    }

    [Fact]
    public void A_vt3010_finding_at_a_role_reaches_the_role_holders_without_a_unit_in_the_exposure()
    {
        var json = SalesPeopleWithoutUnit();
        var result = TestOrg.Analyze(json);
        Assert.Equal("roles", Assert.Single(result.Diagnostics, d => d.Id == "VT3010").Location.EntityKind);
        // p6 and p7 (no unit, sales role); not p8 (no unit, not a sales role), not the role's holders inside units.
        Assert.Equal(2, Assert.Single(result.Exposure!.Rules, r => r.RuleId == "VT3010").People);
    }

    // ---- VT1010: meeting chairs (schema 1.1) named as roles, never as people

    private static Diagnostic ControlMeeting(string chair)
        => Assert.Single(TestOrg.Findings(TestOrg.Doc(TestOrg.Structure + """
,
  "meetings": [ { "id": "m1", "name": "Pipeline call", "purpose": "pipelineReview", "cadence": "weekly", "attendees": { "unitIds": ["u-sales"] }
""" + chair + " } ]"), "VT1010"));

    [Fact]
    public void Vt1010_names_the_chair_role()
    {
        var d = ControlMeeting(""", "chairRoleId": "r-field" """);
        Assert.Contains("people, chaired by the role 'r-field') serves to get information", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.Contains("Personen, Vorsitz: die Rolle „r-field“) dient dazu", d.GetMessage(German), StringComparison.Ordinal);
    }

    [Fact]
    public void Vt1010_names_the_roles_of_a_chair_person_never_the_person()
    {
        var d = ControlMeeting(""", "chairPersonId": "p3" """);
        var message = d.GetMessage(TestOrg.English);
        Assert.Contains(", chaired by a person in the roles 'r-field' and 'r-inside')", message, StringComparison.Ordinal);
        Assert.DoesNotContain("p3", message, StringComparison.Ordinal);
        Assert.Contains(", Vorsitz: eine Person mit den Rollen „r-field“ und „r-inside“)", d.GetMessage(German), StringComparison.Ordinal);
        var one = ControlMeeting(""", "chairPersonId": "p2" """);
        Assert.Contains(", chaired by a person in the role 'r-field')", one.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Vt1010_says_nothing_about_a_chair_the_document_does_not_name()
    {
        var d = ControlMeeting("");
        Assert.Contains("people) serves to get information", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
        Assert.DoesNotContain("chaired", d.GetMessage(TestOrg.English), StringComparison.Ordinal);
    }
}
