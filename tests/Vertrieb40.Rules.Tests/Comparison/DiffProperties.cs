using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Tests.Reference;
using static Vertrieb40.Rules.Tests.Comparison.ComparisonTestSupport;

namespace Vertrieb40.Rules.Tests.Comparison;

/// <summary>
/// The diff's invariants: diff(a, a) is empty; the new findings of diff(a, b) are the resolved ones of diff(b, a)
/// (and unchanged/changed pair up the same way); matching survives reordering and renaming with the same id.
/// </summary>
public class DiffProperties
{
    // Snapshots drawn from a small pool of findings (so that two snapshots share some), with duplicates of one
    // fingerprint (a rule reporting twice on one entity) and random severities and messages.
    private static Snapshot Random(int seed, string name)
    {
        var random = new System.Random(seed);
        var findings = new List<SnapshotFinding>();
        for (var i = 0; i < 12; i++)
        {
            if (random.NextDouble() < 0.5) continue;
            var copies = random.NextDouble() < 0.15 ? 2 : 1;
            for (var c = 0; c < copies; c++)
                findings.Add(new SnapshotFinding("VT10" + (i % 4).ToString("00", System.Globalization.CultureInfo.InvariantCulture), "Team",
                    (DiagnosticSeverity)random.Next(1, 4), "T", "message " + random.Next(2), "units", "u" + i, "fp" + i, random.Next(1, 100)));
        }
        var people = Enumerable.Range(0, 4).Where(_ => random.NextDouble() < 0.5).Select(r => new SnapshotRulePeople("VT100" + r, random.Next(1, 50))).ToList();
        return new Snapshot(name, findings, new[] { new SnapshotScore("Overall", random.Next(101), 0) }, people, 50);
    }

    private static List<string> Fingerprints(IEnumerable<SnapshotFinding?> findings)
        => findings.Select(f => f!.Fingerprint).Order(StringComparer.Ordinal).ToList();

    [Property(MaxTest = 300)]
    public Property A_snapshot_compared_with_itself_is_empty(int seed)
    {
        var a = Random(seed, "a");
        var diff = SnapshotDiff.Compare(a, a);
        return (diff.IsEmpty && diff.Findings.Count == a.Findings.Count && diff.Scores.All(s => s.Delta is null or 0)).Label("seed " + seed);
    }

    [Property(MaxTest = 300)]
    public Property New_one_way_is_resolved_the_other_way(int seedA, int seedB)
    {
        var a = Random(seedA, "a");
        var b = Random(seedB, "b");
        var ab = SnapshotDiff.Compare(a, b);
        var ba = SnapshotDiff.Compare(b, a);
        var newAb = Fingerprints(ab.OfKind(FindingChangeKind.New).Select(f => f.After));
        var resolvedBa = Fingerprints(ba.OfKind(FindingChangeKind.Resolved).Select(f => f.Before));
        var resolvedAb = Fingerprints(ab.OfKind(FindingChangeKind.Resolved).Select(f => f.Before));
        var newBa = Fingerprints(ba.OfKind(FindingChangeKind.New).Select(f => f.After));
        var matched = ab.Findings.Count(f => f.Before != null && f.After != null) == ba.Findings.Count(f => f.Before != null && f.After != null);
        var score = ab.Scores.Zip(ba.Scores).All(p => p.First.Delta == -p.Second.Delta);
        var people = ab.People.Zip(ba.People).All(p => p.First.Delta == -p.Second.Delta);
        return (newAb.SequenceEqual(resolvedBa) && resolvedAb.SequenceEqual(newBa) && matched && score && people).Label($"seeds {seedA}/{seedB}");
    }

    // On real documents: shuffling every collection and renaming every entity (ids kept) adds or resolves nothing.
    [Property(MaxTest = 25)]
    public Property Reordered_and_renamed_documents_keep_their_findings(int seed, int shuffleSeed)
    {
        var json = RandomOrganization.Json(seed);
        var doc = JObject.Parse(json);
        var random = new System.Random(shuffleSeed);
        foreach (var p in doc.Properties().Where(p => p.Value is JArray).ToList())
        {
            var items = ((JArray)p.Value).ToList();
            p.Value = new JArray(items.OrderBy(_ => random.Next()));
            foreach (var e in ((JArray)p.Value).OfType<JObject>())
                if (e["name"] is { Type: JTokenType.String } n) e["name"] = (string)n! + " (renamed)";
        }
        var a = Of(json);
        var b = Of(doc.ToString());
        var diff = SnapshotDiff.Compare(a, b);
        var added = diff.Findings.Where(f => f.Kind is FindingChangeKind.New or FindingChangeKind.Resolved).Select(f => f.Kind + " " + f.Current.RuleId + " " + f.Current.EntityId).ToList();
        return (added.Count == 0 && diff.Scores.All(s => s.Delta is null or 0)).Label($"seed {seed}/{shuffleSeed}: {string.Join(", ", added)}");
    }
}
