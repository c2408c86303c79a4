using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Seeds;

/// <summary>
/// Each seed's findings are pinned in <c>seeds/&lt;name&gt;.expected.txt</c> (one line per diagnostic:
/// id, severity, pointer, line, column). Run with VERTRIEB40_UPDATE_EXPECTED=1 to rewrite the files
/// after an intended change, then review the diff.
/// </summary>
public class SeedExpectationTests
{
    // Seeds are organisation documents (*.json, *.yaml) and HR exports (*.csv, *.xlsx); a twin in another format has
    // its expectations in <file>.<ext>.expected.txt (e.g. hr-export.xlsx.expected.txt). "*.practices.json" files are side
    // files of the export with the same name (hr-export.csv + hr-export.practices.json), not seeds of their own.
    public static IEnumerable<object[]> SeedFiles() =>
        Directory.EnumerateFiles(SeedPaths.Seeds, "*.json").Concat(Directory.EnumerateFiles(SeedPaths.Seeds, "*.yaml")).Concat(Directory.EnumerateFiles(SeedPaths.Seeds, "*.csv")).Concat(Directory.EnumerateFiles(SeedPaths.Seeds, "*.xlsx"))
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !f.EndsWith(".practices.json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void Side_files_are_not_seeds_but_every_export_seed_has_one()
    {
        var seeds = SeedFiles().Select(s => (string)s[0]).ToList();
        Assert.Contains("hr-export.csv", seeds);
        Assert.DoesNotContain(seeds, s => s.EndsWith(".practices.json", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(SeedPaths.Seeds, "hr-export.practices.json")));
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_findings_match_expectations(string seed)
    {
        var path = Path.Combine(SeedPaths.Seeds, seed);
        var options = AnalysisOptions.Default;
        // An export (CSV, or a workbook with a practices side file); a workbook without one is a practice workbook.
        if (path.EndsWith(".csv", StringComparison.Ordinal) || (path.EndsWith(".xlsx", StringComparison.Ordinal) && File.Exists(HrExportOptions.SiblingPracticesFile(path))))
        {
            // The export's practices come from its side file, named explicitly (not found by convention).
            var practices = HrExportOptions.SiblingPracticesFile(path);
            Assert.True(File.Exists(practices), "an HR-export seed needs its practices file: " + practices);
            options = new AnalysisOptions { Reader = new ReaderOptions { HrExport = new HrExportOptions { PracticesFile = practices, FindPracticesFile = false } } };
        }
        var result = OrganizationAnalyzer.Default.AnalyzeFile(path, options);
        // A twin in another format has its own file (its findings sort after its side file's, by file name).
        var expectedPath = path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".xlsx", StringComparison.Ordinal)
            ? path + ".expected.txt" : Path.ChangeExtension(path, ".expected.txt");
        AssertExpected(result, expectedPath);
    }

    /// <summary>
    /// The calendar seed: the HR export with its practices and <c>hr-export.calendar.ics</c> (a weekly pipeline review,
    /// a biweekly retro, and events that are left out: a changed date of the series, a one-off, a private one, a lunch).
    /// </summary>
    [Fact]
    public void Calendar_seed_findings_match_expectations()
    {
        var (csv, calendar, options) = CalendarSeed();
        var result = OrganizationAnalyzer.Default.AnalyzeFile(csv, options);
        AssertExpected(result, calendar + ".expected.txt");
        var meeting = Assert.Single(result.Diagnostics, d => d.Id == "VT1010" && d.Location.FilePath == calendar);
        // The organiser is the meeting's chair person: named by the roles they hold, never as a person (VT1010, issue 10).
        Assert.Contains("'Weekly Pipeline Review Vertrieb' (pipeline review, weekly, 7 people, chaired by a person", meeting.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    /// <summary>The calendar seed's files and the options that read the export with its practices and its calendar.</summary>
    internal static (string Csv, string Calendar, AnalysisOptions Options) CalendarSeed()
    {
        var csv = Path.Combine(SeedPaths.Seeds, "hr-export.csv");
        var calendar = Path.Combine(SeedPaths.Seeds, "hr-export.calendar.ics");
        return (csv, calendar, new AnalysisOptions
        {
            Reader = new ReaderOptions { HrExport = new HrExportOptions { PracticesFile = HrExportOptions.SiblingPracticesFile(csv), FindPracticesFile = false, CalendarFiles = [calendar] } },
        });
    }

    private static void AssertExpected(AnalysisResult result, string expectedPath)
    {
        Assert.False(result.InputFailed, string.Join("\n", result.Diagnostics));
        var actual = string.Join("\n", result.Diagnostics.Select(d =>
            $"{d.Id} {d.Severity.ToString().ToLowerInvariant()} {d.Location.JsonPointer} ({d.Location.Span.StartLine},{d.Location.Span.StartColumn}) {d.Location.EntityId}")) + "\n"
            // Coverage (issue 10): every rule that could not judge the seed, with the facts the seed lacks.
            + string.Concat(result.Coverage.Where(c => c.Status != CoverageStatus.Checked)
                .Select(c => $"coverage {c.RuleId} {c.StatusName} {string.Join(",", c.MissingFacts)}\n"))
            // The score (issue 18): per category the value, or "notScored" when none of its rules could judge the seed.
            + ScoreLines(result);
        if (Environment.GetEnvironmentVariable("VERTRIEB40_UPDATE_EXPECTED") == "1")
            File.WriteAllText(expectedPath, actual);
        Assert.True(File.Exists(expectedPath), "missing " + expectedPath + " (run once with VERTRIEB40_UPDATE_EXPECTED=1)");
        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n"), actual);
    }

    private static string ScoreLines(AnalysisResult result)
    {
        var score = result.Score();
        if (score is null) return "score notScored\n";
        var card = score.Organization;
        return $"score {VertriebScoreName(card.Overall)} over {score.RulesChecked}/{score.RulesTotal} rules, {score.CategoriesScored}/{score.CategoriesTotal} categories\n"
               + string.Concat(card.Categories.Select(c => $"score {c.Category} {VertriebScoreName(c)} over {c.RulesChecked}/{c.RulesTotal} rules\n"));
    }

    private static string VertriebScoreName(Vertrieb40.Rules.Scoring.CategoryScore c) => c.Scored ? c.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) : "notScored";

    [Fact]
    public void Vertrieb40_seed_is_clean()
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Clean);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Classic_seed_shows_every_rule_of_the_catalog()
    {
        var reported = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Diagnostics.Select(d => d.Id).ToHashSet();
        var catalog = OrganizationAnalyzer.Default.SupportedDiagnostics.Where(d => !d.Id.StartsWith("VT0", StringComparison.Ordinal)).Select(d => d.Id);
        Assert.Empty(catalog.Except(reported)); // every catalog id shows up in the classic seed
    }
}
