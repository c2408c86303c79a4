using System.Text;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;
using Vertrieb40.Rules.Tests.Reporting;

namespace Vertrieb40.Rules.Tests.Reading.Yaml;

/// <summary>YAML documents: the same schema, model and checks as JSON, with YAML positions; hostile input is bounded.</summary>
public class YamlReaderTests
{
    internal static string Fixtures => Path.Combine(SeedPaths.Root, "tests", "Vertrieb40.Rules.Tests", "Reading", "Yaml");

    private static LoadResult Read(string yaml, ReaderOptions? options = null) => OrganizationReader.ReadString(yaml, "org.yaml", options);

    private static string Short(Diagnostic d) => TestOrg.Short(d);

    // What the analysis says, without positions (they differ between a JSON document and its YAML twin).
    private static List<string> Findings(string path)
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(path, new AnalysisOptions());
        Assert.False(result.InputFailed, string.Join("\n", result.Diagnostics));
        return result.Diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Location.JsonPointer} {d.Location.EntityKind}/{d.Location.EntityId} {d.GetMessage(TestOrg.English)}")
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData("seeds/vertrieb40-org.json", "seeds/vertrieb40-org.yaml")]
    [InlineData("seeds/classic-sales-org.json", "tests/Vertrieb40.Rules.Tests/Reading/Yaml/classic-sales-org.yaml")]
    public void A_yaml_twin_has_the_same_analysis_as_its_json_document(string json, string yaml)
    {
        var expected = Findings(Path.Combine(SeedPaths.Root, json));
        var actual = Findings(Path.Combine(SeedPaths.Root, yaml));
        Assert.Equal(expected, actual);
        if (json.Contains("classic", StringComparison.Ordinal)) Assert.True(actual.Count > 40);
    }

    [Fact]
    public void Findings_point_at_the_property_in_the_yaml_file()
    {
        var path = Path.Combine(Fixtures, "classic-sales-org.yaml");
        var lines = File.ReadAllLines(path);
        var result = SarifTests.Analyze(path);
        var vt3001 = result.Diagnostics.First(d => d.Id == "VT3001");
        // The plan's "type:" key, as the JSON document points at its "type" property.
        Assert.StartsWith("type: commission", lines[vt3001.Location.Span.StartLine - 1][(vt3001.Location.Span.StartColumn - 1)..]);
        Assert.Equal("/incentivePlans/0", vt3001.Location.JsonPointer);
        Assert.StartsWith($"{path}({vt3001.Location.Span.StartLine},{vt3001.Location.Span.StartColumn}): error VT3001", vt3001.ToString());

        // SARIF: a region with the YAML line and column; JSON: line and pointer; HTML: the position in the appendix.
        var sarif = JObject.Parse(SarifTests.Sarif(new[] { result }));
        var region = sarif["runs"]![0]!["results"]!.First(r => (string?)r["ruleId"] == "VT3001")["locations"]![0]!["physicalLocation"]!["region"]!;
        Assert.Equal(vt3001.Location.Span.StartLine, (int)region["startLine"]!);
        Assert.Equal(vt3001.Location.Span.StartColumn, (int)region["startColumn"]!);
        var json = new StringWriter();
        new JsonReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), json);
        var first = JObject.Parse(json.ToString())["files"]![0]!["diagnostics"]!.First(d => (string?)d["id"] == "VT3001")!;
        Assert.Equal(vt3001.Location.Span.StartLine, (int)first["location"]!["line"]!);
        Assert.Equal("/incentivePlans/0", (string?)first["location"]!["pointer"]);
        var html = new StringWriter();
        new HtmlReportWriter().Write(new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, TestOrg.English), html);
        Assert.Contains($"classic-sales-org.yaml:{vt3001.Location.Span.StartLine}:{vt3001.Location.Span.StartColumn}", html.ToString());
    }

    [Fact]
    public void Input_errors_have_yaml_line_column_and_pointer()
    {
        var yaml = "schemaVersion: 1.1\nunits:\n  - id: u1\n    kind: 7\n    autonomy: [1]\n  - id: u1\n    colour: blue\n";
        var errors = Read(yaml).Diagnostics.Select(Short).ToList();
        Assert.Contains("VT0002 /units/0/autonomy (5,5)", errors);    // a list where an object belongs
        Assert.Contains("VT0008 /units/0/kind (4,5)", errors);        // 7 is not a unit kind
        Assert.Contains("VT0004 /units/1 (6,5)", errors.Select(e => e.Replace("/units/1/id", "/units/1", StringComparison.Ordinal)));
        Assert.Contains("VT0007 /units/1/colour (7,5)", errors);
    }

    [Fact]
    public void Unquoted_numbers_and_booleans_are_text_where_the_schema_wants_text_and_null_stays_unknown()
    {
        var load = Read("schemaVersion: 1.0\norganization:\n  name: 2026\nunits:\n  - id: 42\n    name: true\n    sharedGoal: ~\n");
        Assert.Empty(load.Diagnostics);
        Assert.Equal("1.0", load.Organization!.SchemaVersion);
        Assert.Equal("2026", load.Organization.Name);
        Assert.Equal("42", load.Organization.Units[0].Id);
        Assert.Null(load.Organization.Units[0].SharedGoal);
        // YAML 1.2: "no" is text, not false (the "Norway problem" of YAML 1.1).
        var norway = Read("schemaVersion: 1.1\nunits:\n  - id: u1\n    sharedGoal: no\n");
        Assert.Equal("VT0002 /units/0/sharedGoal (4,5)", Short(Assert.Single(norway.Diagnostics)));
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_the_first_line()
    {
        var d = Assert.Single(Read("schemaVersion: 1.1\nunits:\n  - id: u1\n    name: A\n    name: B\n").Diagnostics);
        Assert.Equal("VT0008 /units/0/name (5,5)", Short(d));
        Assert.Contains("line 4", d.GetMessage(TestOrg.English));
        Assert.Equal("VT0008", Assert.Single(Read("schemaVersion: 1.1\nunits: []\nunits: []\n").Diagnostics).Id);
    }

    [Theory]
    [InlineData("schemaVersion: 1.1\nunits: !!python/object/apply:os.system ['rm -rf /']\n", 2, "python/object")]
    [InlineData("schemaVersion: 1.1\nunits:\n  - id: !custom u1\n", 3, "!custom")]
    [InlineData("schemaVersion: 1.1\nunits:\n  - ? [a, b]\n    : x\n", 3, "property name")]
    [InlineData("schemaVersion: 1.1\nunits: *nothing\n", 2, "no anchor")]
    [InlineData("schemaVersion: 1.1\n---\nschemaVersion: 1.1\n", 2, "second document")]
    [InlineData("schemaVersion: 1.1\nunits:\n  - id: u1\n   name: x\n", 4, "")]
    [InlineData("schemaVersion: \"1.1\nunits: []\n", 1, "")] // an unclosed quote: where the scalar starts
    public void Tags_complex_keys_dangling_aliases_and_bad_yaml_are_located_errors(string yaml, int line, string says)
    {
        var load = Read(yaml);
        Assert.True(load.HasErrors);
        Assert.Null(load.Organization);
        var d = load.Diagnostics.First(x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal("VT0012", d.Id);
        Assert.Equal(line, d.Location.Span.StartLine);
        Assert.Contains(says, d.GetMessage(TestOrg.English));
        Assert.StartsWith("The document is not valid YAML: ", d.GetMessage(TestOrg.English));
        Assert.StartsWith("Das Dokument ist kein gültiges YAML: ", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Core_tags_are_read_as_their_types_and_never_construct_objects()
    {
        var load = Read("schemaVersion: !!str 1.1\norganization:\n  name: !!str 12\nunits: !!seq\n  - !!map\n    id: u1\n    sharedGoal: !!bool true\n");
        Assert.Empty(load.Diagnostics);
        Assert.Equal("12", load.Organization!.Name);
        Assert.True(load.Organization.Units[0].SharedGoal);
    }

    [Fact]
    public void Anchors_and_aliases_are_replayed_at_the_alias()
    {
        var yaml = "schemaVersion: 1.1\nunits:\n  - id: u1\n    autonomy: &full {how: true, what: true, when: true, withWhom: true}\n  - id: u2\n    autonomy: *full\n";
        var load = Read(yaml);
        Assert.Empty(load.Diagnostics);
        Assert.Equal(true, load.Organization!.Units[1].Autonomy?.How);
        // An error inside the replayed node points at the alias.
        var bad = Read("schemaVersion: 1.1\nunits:\n  - id: u1\n    autonomy: &a {how: 3}\n  - id: u2\n    autonomy: *a\n");
        Assert.Contains("VT0002 /units/1/autonomy/how (6,15)", bad.Diagnostics.Select(Short));
    }

    [Fact]
    public void An_alias_bomb_stops_with_a_located_limit_error()
    {
        // "Billion laughs": each level doubles ten times; fully expanded it would be 10^9 nodes.
        var sb = new StringBuilder("schemaVersion: 1.1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var load = Read(sb.ToString());
        Assert.True(load.HasErrors);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0010");
        Assert.InRange(d.Location.Span.StartLine, 3, 10);
        Assert.Contains("alias", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deep_nesting_stops_at_the_depth_limit(bool flow)
    {
        var yaml = flow
            ? "schemaVersion: 1.1\norganization: " + new string('[', 10_000) + new string(']', 10_000) + "\n"
            : "schemaVersion: 1.1\n" + string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "a:\n"));
        var load = Read(yaml);
        Assert.Null(load.Organization);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0010");
        Assert.Equal(flow ? 2 : 66, d.Location.Span.StartLine);
        Assert.Contains("nests deeper than 64", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quoted")]
    [InlineData("block")]
    [InlineData("comment")]
    public void A_huge_scalar_or_comment_is_refused_while_it_streams_in(string style)
    {
        var big = new string('x', 300_000);
        var body = style switch
        {
            "plain" => "  name: " + big,
            "quoted" => "  name: \"" + big + "\"",
            "block" => "  name: |\n" + string.Concat(Enumerable.Repeat("    " + new string('y', 70) + "\n", 5_000)),
            _ => "  # " + big,
        };
        var options = new ReaderOptions { MaxStringLength = 10_000 };
        var load = Read("schemaVersion: 1.1\norganization:\n" + body + "\n", options);
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.InRange(d.Location.Span.StartLine, 2, 3);
        Assert.Contains("MaxStringLength", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void A_document_over_the_size_limit_and_invalid_utf8_are_located()
    {
        var d = Assert.Single(Read("schemaVersion: 1.1\nunits: []\n" + new string(' ', 200), new ReaderOptions { MaxFileBytes = 100 }).Diagnostics);
        Assert.Equal("VT0010", d.Id);
        var bytes = Encoding.UTF8.GetBytes("schemaVersion: 1.1\norganization:\n  name: ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var bad = Assert.Single(OrganizationReader.Read(new MemoryStream(bytes), "org.yml").Diagnostics);
        Assert.Equal("VT0001  (3,11)", Short(bad));
    }

    [Fact]
    public void Files_named_yaml_or_yml_are_read_as_yaml()
    {
        var dir = Directory.CreateTempSubdirectory("v40-yaml");
        try
        {
            foreach (var name in new[] { "a.yaml", "b.YML" })
            {
                var path = Path.Combine(dir.FullName, name);
                File.WriteAllText(path, "# a comment\nschemaVersion: 1.1\nunits:\n  - id: u1\n");
                var load = OrganizationReader.ReadFile(path);
                Assert.Empty(load.Diagnostics);
                Assert.Equal("u1", load.Organization!.Units[0].Id);
                Assert.Equal(4, load.Organization.Units[0].Start.Line);
            }
            var empty = Path.Combine(dir.FullName, "empty.yaml");
            File.WriteAllText(empty, "# only a comment\n");
            Assert.Equal("VT0001", Assert.Single(OrganizationReader.ReadFile(empty).Diagnostics).Id);
        }
        finally { dir.Delete(true); }
    }
}
