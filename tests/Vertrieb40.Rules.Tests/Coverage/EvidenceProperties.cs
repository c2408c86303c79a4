using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Infrastructure;
using Vertrieb40.Rules.Tests.Reference;

namespace Vertrieb40.Rules.Tests.Coverage;

/// <summary>
/// No finding without evidence (issue 10): dropping optional properties from a document never creates a
/// finding that was not there and never raises a severity. Exempt are exactly the properties whose absence
/// is the finding, listed on the rule pages ("What the rule needs from the input").
/// </summary>
public class EvidenceProperties
{
    // Required per collection (dropping them is an input error, not a missing fact).
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["incentivePlans"] = ["type"], ["targets"] = ["level"], ["meetings"] = ["purpose"], ["approvalPolicies"] = ["subject"],
        ["handoffs"] = ["fromUnitId", "toUnitId"], ["channels"] = ["operatedBy"], ["toolRollouts"] = ["mode"],
        ["processes"] = ["workType"], ["recognitionPrograms"] = ["kind"], ["cultureStatements"] = ["text"], ["decisionRights"] = ["area"],
    };

    // The properties whose absence is the finding (see the rule pages), and the structure itself (who belongs where).
    private static readonly Dictionary<string, string[]> Exempt = new(StringComparer.Ordinal)
    {
        ["units"] = ["kind", "parentId", "sharedGoal"],          // VT3010 (not a team), structure, VT1004 (targets decide)
        ["people"] = ["unitId"],                                 // structure
        ["decisionRights"] = ["ownerUnitIds", "ownerRoleIds", "ownerPersonIds"], // VT1006: an area without an owner (1.1: owners may be roles or people)
        ["incentivePlans"] = ["participants"],                   // VT3001: a profit share not stated to go to everyone
        // VT3009/VT3002 (issue 19): a ranking's level defaults to individual (documented on VT3009's page); dropping
        // it moves a team ranking from VT3002 to VT3009 at the same severity (Warning) — a reclassification.
        ["recognitionPrograms"] = ["level"],
    };

    private static bool Droppable(string collection, string property)
        => Optional(collection, property) && !(Exempt.TryGetValue(collection, out var e) && e.Contains(property));

    private static bool Optional(string collection, string property)
        => property != "id" && !(Required.TryGetValue(collection, out var r) && r.Contains(property));

    /// <summary>
    /// Drops about 30 % of the optional properties of every entity — the exempt ones too when
    /// <paramref name="exemptToo"/> (the argument-source property drops the format's defaulted ones) —; returns what it dropped.
    /// </summary>
    internal static List<string> DropOptional(JObject doc, Random random, bool exemptToo = false)
    {
        var dropped = new List<string>();
        foreach (var collection in doc.Properties().Where(p => p.Value is JArray).ToList())
            foreach (var entity in ((JArray)collection.Value).OfType<JObject>())
                foreach (var property in entity.Properties().ToList())
                    if ((exemptToo ? Optional(collection.Name, property.Name) : Droppable(collection.Name, property.Name)) && random.NextDouble() < 0.3)
                    {
                        dropped.Add(collection.Name + "/" + entity["id"] + "/" + property.Name);
                        property.Remove();
                    }
        return dropped;
    }

    private static Dictionary<string, DiagnosticSeverity> Findings(AnalysisResult result)
    {
        var map = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
        foreach (var d in result.Diagnostics.Where(d => !d.Id.StartsWith("VT0", StringComparison.Ordinal)))
        {
            // Several findings of one rule at one entity (VT1002: one per role) are told apart by their properties;
            // VT1002's "leadership" flag only picks the remedy (a role of unstated function may lose it), so it is no part of the identity.
            var key = d.Id + " " + d.Location.EntityKind + ":" + d.Location.EntityId + " " + string.Join(",", d.Properties
                .Where(p => p.Key != Vertrieb40.Rules.Rules.Team.SingleHolderRoleRule.LeadershipProperty)
                .OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value));
            map[key] = map.TryGetValue(key, out var s) && s > d.Severity ? s : d.Severity;
        }
        return map;
    }

    [Property(MaxTest = 200)]
    public Property Dropping_optional_properties_never_adds_a_finding_or_raises_a_severity(int seed, int dropSeed)
    {
        var doc = JObject.Parse(RandomOrganization.Json(seed));
        doc["schemaVersion"] = "1.1"; // 1.0 keeps its documented default for approval steps (higherRank true)
        var before = TestOrg.Read(doc.ToString());
        if (before.HasErrors) return true.Label("generated document has input errors");

        var dropped = DropOptional(doc, new Random(dropSeed));
        var after = TestOrg.Read(doc.ToString());
        if (after.HasErrors) return false.Label("dropping optional properties made input errors: " + string.Join("; ", after.Diagnostics));

        var a = Findings(OrganizationAnalyzer.Default.Analyze(before));
        var b = Findings(OrganizationAnalyzer.Default.Analyze(after));
        var added = b.Where(kv => !a.TryGetValue(kv.Key, out var s) || kv.Value > s).Select(kv => kv.Key + " (" + kv.Value + ")").ToList();
        return (added.Count == 0).Label($"seed {seed}/{dropSeed}; dropped {string.Join(", ", dropped)}\nnew or more severe: {string.Join(", ", added)}");
    }

    [Fact]
    public void The_exempt_properties_are_exempt_because_their_absence_is_the_finding()
    {
        // Dropping an exempt property can add a finding: the property test would fail without the exemption.
        var withOwner = TestOrg.Doc(TestOrg.Structure + ",\n  \"decisionRights\": [ { \"id\": \"dr\", \"area\": \"pricing\", \"ownerUnitIds\": [\"u-north\"] } ]");
        var withoutOwner = withOwner.Replace(", \"ownerUnitIds\": [\"u-north\"]", "", StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(TestOrg.Analyze(withOwner)).Keys, k => k.StartsWith("VT1006", StringComparison.Ordinal));
        Assert.Contains(Findings(TestOrg.Analyze(withoutOwner)).Keys, k => k.StartsWith("VT1006 decisionRights:dr", StringComparison.Ordinal));
    }
}
