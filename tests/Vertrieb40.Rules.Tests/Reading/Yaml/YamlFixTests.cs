using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Reading.Yaml;

/// <summary><c>fix</c> on YAML: edits in place (comments, quoting, layout kept), every fix kind, the same result as on JSON.</summary>
public class YamlFixTests
{
    private static string Fixture(string name) => Path.Combine(YamlReaderTests.Fixtures, name);

    [Fact]
    public void Every_fix_kind_edits_the_yaml_twin_in_place_as_the_golden_file_shows()
    {
        var path = Fixture("classic-sales-org.yaml");
        var result = OrganizationFixer.Fix(File.ReadAllText(path), path);
        Assert.False(result.InputFailed);
        // Every built-in fix kind applied (VT1002, VT1009, VT1010, VT2005, VT3001, VT3007).
        var kinds = OrganizationFixer.BuiltInProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet();
        Assert.Equal(kinds.OrderBy(k => k), result.Applied.Select(a => a.Diagnostic.Id).Distinct().OrderBy(k => k));
        var goldenPath = Fixture("classic-sales-org.fixed.yaml");
        if (Environment.GetEnvironmentVariable("VERTRIEB40_UPDATE_EXPECTED") == "1") File.WriteAllText(goldenPath, result.Fixed.Text);
        Assert.Equal(File.ReadAllText(goldenPath).Replace("\r\n", "\n"), result.Fixed.Text.Replace("\r\n", "\n"));
        // The comments stay; the fixed document reads without errors.
        foreach (var comment in File.ReadLines(path).Where(l => l.TrimStart().StartsWith('#')))
            Assert.Contains(comment, result.Fixed.Text);
        Assert.Contains("      - r-perf-marketer  # a block list: the fix appends an item below\n      - r-social-editor\n", result.Fixed.Text);
        Assert.False(OrganizationReader.ReadString(result.Fixed.Text, path).HasErrors);
    }

    [Fact]
    public void Fixing_the_yaml_twin_gives_the_same_organisation_as_fixing_the_json_document()
    {
        var yaml = Fixture("classic-sales-org.yaml");
        var fixedYaml = OrganizationFixer.Fix(File.ReadAllText(yaml), yaml);
        var fixedJson = OrganizationFixer.Fix(File.ReadAllText(SeedPaths.Classic), SeedPaths.Classic);
        Assert.Equal(fixedJson.Applied.Select(a => a.Title), fixedYaml.Applied.Select(a => a.Title));
        string Findings(string text, string file) => string.Join("\n", OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(text, file), new AnalysisOptions())
            .Diagnostics.Select(d => $"{d.Id} {d.Location.JsonPointer} {d.GetMessage(TestOrg.English)}").Order(StringComparer.Ordinal));
        Assert.Equal(Findings(fixedJson.Fixed.Text, "x.json"), Findings(fixedYaml.Fixed.Text, "x.yaml"));
    }

    private const string Yaml = "# people\npeople:\n  - id: p1   # first\n    roleIds:\n      - a\n      - b  # two\n  - id: p2\n    roleIds: [a]\nsteps:\n  - x\n";

    private static OrganizationDocument Doc => new(Yaml, "org.yaml");

    [Fact]
    public void Block_lists_lose_whole_lines_and_an_emptied_list_becomes_empty_brackets()
    {
        var doc = Doc;
        Assert.Equal(Yaml.Replace("      - a\n", "", StringComparison.Ordinal), doc.WithoutItem(doc.Find("/people/0/roleIds/0")!).Text);
        Assert.Equal(Yaml.Replace("      - b  # two\n", "", StringComparison.Ordinal), doc.WithoutItem(doc.Find("/people/0/roleIds/1")!).Text);
        Assert.Equal(Yaml.Replace("steps:\n  - x\n", "steps: []\n", StringComparison.Ordinal), doc.WithoutItem(doc.Find("/steps/0")!).Text);
        var both = doc.WithoutItems(doc.Find("/people/0/roleIds")!, doc.Find("/people/0/roleIds")!.Items.ToList());
        Assert.Contains("    roleIds: []\n  - id: p2", both.Text, StringComparison.Ordinal);
        Assert.Contains("p2", doc.WithoutItem(doc.Find("/people/0")!).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("p1", doc.WithoutItem(doc.Find("/people/0")!).Text, StringComparison.Ordinal);
        Assert.StartsWith("# people\npeople:\n  - id: p2\n", doc.WithoutItem(doc.Find("/people/0")!).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Appending_and_adding_properties_follow_the_block_layout_and_keep_comments()
    {
        var doc = Doc;
        Assert.Contains("      - b  # two\n      - c\n  - id: p2", doc.WithItemAppended(doc.Find("/people/0/roleIds")!, OrganizationDocument.Literal("c")).Text, StringComparison.Ordinal);
        Assert.Contains("roleIds: [a, c]", doc.WithItemAppended(doc.Find("/people/1/roleIds")!, OrganizationDocument.Literal("c")).Text, StringComparison.Ordinal);
        Assert.Contains("  - id: p2\n    roleIds: [a]\n    unitId: u1\n", doc.WithProperty(doc.Find("/people/1")!, "unitId", OrganizationDocument.Literal("u1")).Text, StringComparison.Ordinal);
        Assert.Contains("  - id: p1   # first\n", doc.WithProperty(doc.Find("/people/0")!, "id", OrganizationDocument.Literal("p9")).Text.Replace("p9", "p1"), StringComparison.Ordinal);
        // Text YAML would read as something else keeps its quotes.
        Assert.Contains("    roleIds: [a]\n    note: \"yes\"\n", doc.WithProperty(doc.Find("/people/1")!, "note", OrganizationDocument.Literal("yes")).Text, StringComparison.Ordinal);
        var crlf = new OrganizationDocument(Yaml.Replace("\n", "\r\n", StringComparison.Ordinal), "org.yml");
        var edited = crlf.WithProperty(crlf.Find("/people/1")!, "unitId", OrganizationDocument.Literal("u1")).Text;
        Assert.DoesNotContain("\n", edited.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
