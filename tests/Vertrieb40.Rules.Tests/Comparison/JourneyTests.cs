using System.Globalization;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Comparison;
using static Vertrieb40.Rules.Tests.Comparison.ComparisonTestSupport;

namespace Vertrieb40.Rules.Tests.Comparison;

/// <summary>
/// The seed series seeds/journey/: one organisation in four snapshots, from classic sales to Vertrieb 4.0 (with a
/// setback in Q3: the former commission comes back as a team bonus). Expected diff and trend outputs are checked in
/// next to it (VERTRIEB40_UPDATE_EXPECTED=1 rewrites them).
/// </summary>
public class JourneyTests
{
    private static Trend JourneyTrend(bool reversed = false)
    {
        var files = reversed ? JourneyFiles.Reverse().ToList() : JourneyFiles;
        var loads = Loader().LoadAll(files, 2);
        return Trend.Build(loads.Select(l => l.Snapshot ?? throw new InvalidOperationException(string.Join("\n", l.InputDiagnostics))).ToList());
    }

    [Fact]
    public void The_journey_has_four_dated_snapshots_and_is_ordered_by_asOf_not_by_argument_order()
    {
        Assert.Equal(4, JourneyFiles.Count);
        var trend = JourneyTrend(reversed: true);
        Assert.Equal(new[] { "2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15" },
            trend.Snapshots.Select(s => s.AsOf!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal("1-classic.json", trend.Snapshots[0].Label);
    }

    [Fact]
    public void The_journey_moves_from_classic_to_vertrieb_40()
    {
        var trend = JourneyTrend();
        int Overall(int i) => trend.Snapshots[i].Score("Overall")!.Score;
        Assert.True(Overall(3) > Overall(0) + 10, $"overall {Overall(0)} → {Overall(3)}");
        Assert.True(trend.Snapshots[3].Findings.Count < trend.Snapshots[0].Findings.Count / 2);

        // Q2: the incentives went first.
        var q2 = trend.Steps[0];
        Assert.Contains(q2.OfKind(FindingChangeKind.Resolved), f => f.Current.RuleId == "VT3001" && f.Current.EntityId == "ip-commission");
        Assert.Contains(q2.OfKind(FindingChangeKind.Resolved), f => f.Current.RuleId == "VT1009");
        Assert.Empty(q2.OfKind(FindingChangeKind.New));
        // The discount matrix was renamed (same id) and lost a threshold: changed, not new and resolved.
        Assert.Contains(q2.OfKind(FindingChangeKind.Changed), f => f.Current.RuleId == "VT3006" && f.Current.EntityId == "ap-discount" && f.MessageChanged);

        // Q3: the setback — the same plan as a team bonus, and an AI assistant mandated as a project.
        var q3 = trend.Steps[1];
        Assert.Contains(q3.OfKind(FindingChangeKind.New), f => f.Current.RuleId == "VT3001" && f.Current.EntityId == "ip-commission");
        Assert.Contains(q3.OfKind(FindingChangeKind.New), f => f.Current.RuleId == "VT2001" && f.Current.EntityId == "tr-ai-assistant");
        Assert.Contains(trend.Regressions, m => m.Subject == "Effectiveness" && m.From == 1 && m.To == 2);
        Assert.Contains(trend.ReachRegressions, m => m.Subject == "VT3001" && m.Before == 0 && m.After > 0);

        // The commission's life: present at the start, gone in Q2, back in Q3, resolved in Q4 — one row, two spans.
        var life = Assert.Single(trend.Lifecycles, l => l.Finding.RuleId == "VT3001" && l.Finding.EntityId == "ip-commission");
        Assert.Equal(new[] { new PresenceSpan(0, 0), new PresenceSpan(2, 2) }, life.Spans);
        Assert.Equal(3, life.Resolved);
        Assert.True(life.PresentAtStart);

        // Every lifecycle agrees with the snapshots it spans.
        foreach (var l in trend.Lifecycles)
            for (var i = 0; i < trend.Snapshots.Count; i++)
            {
                var present = l.Spans.Any(s => s.From <= i && i <= s.To);
                Assert.Equal(present, trend.Snapshots[i].Findings.Any(f => f.Fingerprint == l.Finding.Fingerprint));
            }
        Assert.Equal(trend.Snapshots[^1].Findings.Count, trend.Lifecycles.Count(l => l.Resolved is null));
        Assert.Equal("Effectiveness", trend.Improvements[0].Subject);
    }

    [Fact]
    public void The_journey_diff_and_trend_match_the_expected_files()
    {
        var first = Load(JourneyFiles[0]);
        var last = Load(JourneyFiles[^1]);
        var diff = SnapshotDiff.Compare(first, last);
        MatchesExpected(Relative(Write(w => DiffReport.Write(diff, "text", w))), Path.Combine(Journey, "journey.diff.expected.txt"));
        MatchesExpected(Relative(Write(w => DiffReport.Write(diff, "json", w))), Path.Combine(Journey, "journey.diff.expected.json"));
        MatchesExpected(Relative(Write(w => TrendReport.Write(JourneyTrend(), "json", w))), Path.Combine(Journey, "journey.trend.expected.json"));
    }

    [Theory]
    [InlineData("en", "Progress over time", "Largest regressions")]
    [InlineData("de", "Fortschritt im Zeitverlauf", "Größte Rückschritte")]
    public void The_trend_page_is_self_contained_with_a_line_per_category(string culture, string title, string regressions)
    {
        var html = Write(w => TrendReport.Write(JourneyTrend(), "html", w, new ComparisonReportOptions { Culture = CultureInfo.GetCultureInfo(culture) }));
        Assert.Contains("<html lang=\"" + culture + "\">", html);
        Assert.Contains("<h1>" + title + "</h1>", html);
        Assert.Contains(regressions, html);
        foreach (var section in new[] { "chart", "scores", "movements", "lifecycle" }) Assert.Contains($"data-section=\"{section}\"", html);
        Assert.Equal(4, Regex.Count(html, "<polyline "));
        Assert.Equal(4 * 4, Regex.Count(html, "<circle "));
        // No script other than the marker, no external resource.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotMatch("(src|href)=\"(https?:|//)", html);
        Assert.Contains("default-src 'none'", html);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public void Not_scored_snapshots_break_the_line_and_undated_ones_are_refused()
    {
        var scored = new Snapshot("a.json", Array.Empty<SnapshotFinding>(), new[] { new SnapshotScore("Overall", 10, 10), new SnapshotScore("Team", 10, 10), new SnapshotScore("Digitalisation", 10, 10), new SnapshotScore("Effectiveness", 10, 10) },
            Array.Empty<SnapshotRulePeople>(), 5)
        { AsOf = new DateOnly(2026, 1, 1) };
        var unscored = new Snapshot("b.json", Array.Empty<SnapshotFinding>(), null, Array.Empty<SnapshotRulePeople>(), 5) { AsOf = new DateOnly(2026, 2, 1) };
        var again = new Snapshot("c.json", Array.Empty<SnapshotFinding>(), scored.Scores, Array.Empty<SnapshotRulePeople>(), 5) { AsOf = new DateOnly(2026, 3, 1) };
        var html = Write(w => TrendReport.Write(Trend.Build(new[] { scored, unscored, again }), "html", w));
        Assert.Equal(8, Regex.Count(html, "<polyline ")); // each of 4 lines broken in two

        var undated = new Snapshot("org.json", Array.Empty<SnapshotFinding>(), null, Array.Empty<SnapshotRulePeople>(), 5);
        var ex = Assert.Throws<ArgumentException>(() => Trend.Build(new[] { scored, undated }));
        Assert.Contains("'org.json' has no date", ex.Message);
        Assert.Contains("asOf", ex.Message);
    }
}
