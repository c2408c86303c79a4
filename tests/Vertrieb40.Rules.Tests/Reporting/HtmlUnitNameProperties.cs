using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Tests.Reporting;

/// <summary>
/// The HTML report's "units" line of a finding with a long unit list (issue 14, writers): the names are picked by
/// rank, keeping seven; on random names (many equal, some differing only in case or by a prefix) and random unit
/// lists (repeats included), they equal the first seven of a sorted set of the names, as the report made them before.
/// </summary>
public class HtmlUnitNameProperties
{
    [Property(MaxTest = 300)]
    public Property The_ranked_names_equal_the_sorted_set(int seed)
    {
        var random = new Random(seed);
        var alphabet = new[] { "Team", "team", "Team 1", "Team 10", "Team 2", "Vertrieb", "Ä-Team", "Zentrale", "a", "" };
        var names = Enumerable.Range(0, random.Next(1, 200))
            .Select(_ => alphabet[random.Next(alphabet.Length)] + (random.Next(3) == 0 ? random.Next(20).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))
            .ToList();
        var units = Enumerable.Range(0, random.Next(0, 400)).Select(_ => random.Next(names.Count)).ToList();
        var (rank, ranked) = HtmlReportWriter.NameRanks(names);
        var actual = HtmlReportWriter.SmallestNames(units, rank, ranked);
        var expected = new SortedSet<string>(units.Select(u => names[u]), StringComparer.Ordinal).Take(7).ToList();
        return expected.SequenceEqual(actual).ToProperty().Label($"expected [{string.Join("|", expected)}], got [{string.Join("|", actual)}]");
    }
}
