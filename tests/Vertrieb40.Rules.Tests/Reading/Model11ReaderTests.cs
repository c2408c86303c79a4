using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Privacy;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading;

/// <summary>Schema 1.1 properties (issue 10): read, linked, validated with positions, and 1.0 documents keep their meaning.</summary>
public class Model11ReaderTests
{
    private const string Practices = """
  "incentivePlans": [ { "id": "ip", "type": "spiff", "rate": 3.5, "temporary": true, "period": "Q4 2026", "distribution": "byResult",
                        "decidedBy": { "unitIds": ["u-co"], "personIds": ["p1"] }, "participants": { "unitIds": ["u-sales"] } } ],
  "meetings": [ { "id": "m", "purpose": "coordination", "chairRoleId": "r-field", "chairPersonId": "p2" } ],
  "approvalPolicies": [ { "id": "ap", "subject": "discount",
      "thresholds": [ { "above": 10, "roleId": "r-inside", "personId": "p3", "unitId": "u-sales", "higherRank": true } ],
      "steps": [ { "roleId": "r-field" }, { "personId": "p1", "higherRank": false } ] } ],
  "processes": [ { "id": "pr", "workType": "routine", "mandatory": true, "ownerUnitId": "u-mkt", "effort": { "people": 12, "percent": 20 } } ],
  "recognitionPrograms": [ { "id": "rp", "kind": "contest", "prize": "a trip to Mallorca" } ],
  "decisionRights": [ { "id": "dr", "area": "pricing", "ownerRoleIds": ["r-field", "r-inside"], "ownerPersonIds": ["p2"], "governedByProcessIds": ["pr"] } ]
""";

    private static string Doc(string practices = Practices) => TestOrg.Doc(TestOrg.Structure + ",\n" + practices);

    [Fact]
    public void Every_11_property_is_read_and_linked()
    {
        var load = TestOrg.Read(Doc());
        Assert.Empty(load.Diagnostics);
        var org = load.Organization!;
        var plan = Assert.Single(org.IncentivePlans);
        Assert.Equal(3.5, plan.Rate);
        Assert.True(plan.Temporary);
        Assert.Equal("Q4 2026", plan.Period);
        Assert.Equal(PayDistribution.ByResult, plan.Distribution);
        Assert.Equal(["u-co"], plan.DecidedBy!.Units.Select(u => u.Id));
        Assert.Equal(["p1"], plan.DecidedBy.People.Select(p => p.Id));
        var meeting = Assert.Single(org.Meetings);
        Assert.Equal("r-field", meeting.ChairRole!.Id);
        Assert.Equal("p2", meeting.ChairPerson!.Id);
        var policy = Assert.Single(org.ApprovalPolicies);
        var threshold = Assert.Single(policy.Thresholds);
        Assert.Equal(("r-inside", "p3", "u-sales", (bool?)true), (threshold.Role!.Id, threshold.Person!.Id, threshold.Unit!.Id, threshold.HigherRank));
        Assert.Equal("r-field", policy.Steps[0].Role!.Id);
        Assert.Null(policy.Steps[0].HigherRank); // 1.1: not stated
        Assert.Equal("p1", policy.Steps[1].Person!.Id);
        var process = Assert.Single(org.Processes);
        Assert.Equal("u-mkt", process.OwnerUnit!.Id);
        Assert.Equal((12, 20.0, 2.4), (process.Effort!.People, process.Effort.Percent, process.Effort.FullTimeEquivalents));
        Assert.Equal("a trip to Mallorca", Assert.Single(org.RecognitionPrograms).Prize);
        var right = Assert.Single(org.DecisionRights);
        Assert.Equal(["r-field", "r-inside"], right.OwnerRoles.Select(r => r.Id));
        Assert.Equal(["p2"], right.OwnerPeople.Select(p => p.Id));
        Assert.Same(process, Assert.Single(right.GovernedByProcesses));
    }

    [Theory]
    [InlineData("\"rate\": 3.5", "\"rate\": 150", "VT0008", "/incentivePlans/0/rate")]
    [InlineData("\"distribution\": \"byResult\"", "\"distribution\": \"random\"", "VT0008", "/incentivePlans/0/distribution")]
    [InlineData("\"temporary\": true", "\"temporary\": \"yes\"", "VT0002", "/incentivePlans/0/temporary")]
    [InlineData("\"people\": 12", "\"people\": 1.5", "VT0008", "/processes/0/effort/people")]
    [InlineData("\"percent\": 20", "\"percent\": 120", "VT0008", "/processes/0/effort/percent")]
    [InlineData("\"percent\": 20", "\"share\": 20", "VT0007", "/processes/0/effort/share")]
    [InlineData("\"ownerRoleIds\": [\"r-field\", \"r-inside\"]", "\"ownerRoleIds\": [\"r-field\", \"r-insid\"]", "VT0005", "/decisionRights/0/ownerRoleIds/1")]
    [InlineData("\"ownerPersonIds\": [\"p2\"]", "\"ownerPersonIds\": [\"p99\"]", "VT0005", "/decisionRights/0/ownerPersonIds/0")]
    [InlineData("\"governedByProcessIds\": [\"pr\"]", "\"governedByProcessIds\": [\"px\"]", "VT0005", "/decisionRights/0/governedByProcessIds/0")]
    [InlineData("\"chairPersonId\": \"p2\"", "\"chairPersonId\": \"p9\"", "VT0005", "/meetings/0/chairPersonId")]
    [InlineData("\"roleId\": \"r-inside\"", "\"roleId\": \"r-nobody\"", "VT0005", "/approvalPolicies/0/thresholds/0/roleId")]
    [InlineData("\"higherRank\": true", "\"higherRank\": \"yes\"", "VT0002", "/approvalPolicies/0/thresholds/0/higherRank")]
    [InlineData("{ \"roleId\": \"r-field\" }", "{ \"higherRank\": true }", "VT0003", "/approvalPolicies/0/steps/0")]
    [InlineData("\"prize\": \"a trip to Mallorca\"", "\"prize\": 500", "VT0002", "/recognitionPrograms/0/prize")]
    public void Bad_11_values_get_a_located_error(string good, string bad, string id, string pointer)
    {
        var json = Doc(Practices.Replace(good, bad, StringComparison.Ordinal));
        Assert.NotEqual(Doc(), json);
        var d = Assert.Single(TestOrg.Read(json).Diagnostics, x => x.Id == id);
        Assert.Equal(pointer, d.Location.JsonPointer);
        Assert.True(d.Location.Span.StartLine > 1, TestOrg.Short(d));
    }

    [Fact]
    public void A_10_document_keeps_its_meaning()
    {
        // 1.0 documented higherRank true as a step's default; thresholds had no rank at all, so theirs stays unknown.
        var json = TestOrg.Doc(TestOrg.Structure + """
,
  "approvalPolicies": [ { "id": "ap", "subject": "offer", "thresholds": [ { "above": 10, "approver": "head of sales" } ], "steps": [ { "approver": "head of sales" } ] } ]
""").Replace("\"1.1\"", "\"1.0\"", StringComparison.Ordinal);
        var policy = Assert.Single(TestOrg.Read(json).Organization!.ApprovalPolicies);
        Assert.True(policy.Steps[0].HigherRank);
        Assert.Null(policy.Thresholds[0].HigherRank);
        Assert.Single(TestOrg.Findings(json, "VT3007"));
    }

    [Fact]
    public void Pseudonymised_documents_keep_every_11_person_reference_resolvable()
    {
        var options = new ReaderOptions { Privacy = new PrivacyOptions { Pseudonymizer = Pseudonymizer.FromText("0123456789abcdef0123456789abcdef") } };
        var load = OrganizationReader.ReadString(Doc(), "org.json", options);
        Assert.Empty(load.Diagnostics);
        var org = load.Organization!;
        var ids = org.People.Select(p => p.Id).ToHashSet();
        Assert.DoesNotContain("p2", ids);
        Assert.Contains(org.Meetings[0].ChairPerson!.Id, ids);
        Assert.Contains(org.DecisionRights[0].OwnerPeople[0].Id, ids);
        Assert.Contains(org.ApprovalPolicies[0].Thresholds[0].Person!.Id, ids);
        Assert.Contains(org.IncentivePlans[0].DecidedBy!.People[0].Id, ids);
    }
}
